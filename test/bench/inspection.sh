#!/bin/sh
# The cost of one routine-inspection INSERT (every check, the process
# record) against the same INSERT into a bare copy of the table (LIKE
# enforcement.inspections INCLUDING DEFAULTS, no triggers), measured two ways
# in a cluster of its own:
#   - instructions per insert under valgrind --tool=callgrind, on a
#     single-user backend (repeatable: the same count every run);
#   - pgbench TPS, 2 clients, prepared, synchronous_commit = off.
# A benchmark, not a test: it reports ratios and never fails on a timing.
# usage: sh test/bench/inspection.sh   (as root or as the cluster's owner;
#        BENCH_INSERTS=200 BENCH_SECONDS=15 change the sizes)
set -eu

inserts=${BENCH_INSERTS:-200}
seconds=${BENCH_SECONDS:-15}
bindir=$(pg_config --bindir)
here=$(cd "$(dirname "$0")" && pwd)
owner=postgres
dir=$(mktemp -d /tmp/enforcement-bench.XXXXXX)
chmod 755 "$dir"
if [ "$(id -u)" = 0 ]; then
	chown "$owner" "$dir"
	as_owner() { (cd / && runuser -u "$owner" -- "$@"); }
else
	owner=$(id -un)
	as_owner() { "$@"; }
fi
trap 'as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1; rm -rf "$dir"' EXIT
export PGHOST=$dir PGPORT=5432 PGUSER=postgres PGDATABASE=bench

as_owner "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale >/dev/null
printf "listen_addresses = ''\nunix_socket_directories = '%s'\nfsync = off\n" "$dir" >>"$dir/data/postgresql.conf"
as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/log" -w start >/dev/null
createdb bench
psql -X -q -v ON_ERROR_STOP=1 -f "$here/inspection-setup.sql" >/dev/null

# the statements: routine inspections of distinct enterprises
statement() {	# statement TABLE N
	echo "INSERT INTO $1 (agency_id, enterprise_id, legal_basis_id, inspected_on, officer_ids, certificates_shown, plan_id) VALUES (2, $((10001 + $2 % 1000)), 21, '2025-04-01', '{101,102}', true, 301);"
}
: >"$dir/none.sql"
: >"$dir/bare.sql"
: >"$dir/checked.sql"
i=0
while [ $i -lt "$inserts" ]; do
	statement public.bench_bare $i >>"$dir/bare.sql"
	statement enforcement.inspections $i >>"$dir/checked.sql"
	i=$((i + 1))
done
# every run starts with the same warm-up (one insert of each kind, so the
# library, its plans and the catalog caches are loaded alike), and the
# difference from the warm-up alone is the inserts' own cost
statement public.bench_bare 999 >"$dir/warm.sql"
statement enforcement.inspections 999 >>"$dir/warm.sql"
for f in none bare checked; do
	cat "$dir/warm.sql" "$dir/$f.sql" >"$dir/$f.in"
done
chmod 644 "$dir"/*.in
as_owner "$bindir/pg_ctl" -D "$dir/data" -w stop >/dev/null

instructions() {	# instructions NAME: total instructions of a single-user run
	as_owner valgrind --tool=callgrind --callgrind-out-file="$dir/cg.$1" \
		"$bindir/postgres" --single -D "$dir/data" -c synchronous_commit=off bench \
		<"$dir/$1.in" >"$dir/$1.out" 2>"$dir/$1.err"
	awk '/^summary:/ { print $2 }' "$dir/cg.$1"
}
if command -v valgrind >/dev/null 2>&1; then
	base=$(instructions none)
	bare=$(instructions bare)
	checked=$(instructions checked)
	bare_per=$(( (bare - base) / inserts ))
	checked_per=$(( (checked - base) / inserts ))
	if grep -q ERROR "$dir/checked.out" "$dir/bare.out"; then
		echo "inspection bench: an insert failed:" >&2
		grep -m3 ERROR "$dir/checked.out" "$dir/bare.out" >&2
		exit 1
	fi
else
	echo "valgrind not found: instructions not measured"
	bare_per=0
	checked_per=0
fi

as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/log" -w start >/dev/null
cat >"$dir/bare.pgb" <<SQL
\set e random(10001, 11000)
INSERT INTO public.bench_bare (agency_id, enterprise_id, legal_basis_id, inspected_on, officer_ids, certificates_shown, plan_id) VALUES (2, :e, 21, '2025-04-01', '{101,102}', true, 301);
SQL
sed 's/public.bench_bare/enforcement.inspections/' "$dir/bare.pgb" >"$dir/checked.pgb"
# the same with each client writing for its own agency (its own chain)
cat >"$dir/two.pgb" <<SQL
\set e random(10001, 11000)
\set a 2 + :client_id % 2
\set o1 101 + 2 * (:a - 2)
\set o2 :o1 + 1
\set p 299 + :a
INSERT INTO enforcement.inspections (agency_id, enterprise_id, legal_basis_id, inspected_on, officer_ids, certificates_shown, plan_id) VALUES (:a, :e, 21, '2025-04-01', ARRAY[:o1, :o2]::bigint[], true, :p);
SQL
tps() {	# tps SCRIPT
	PGOPTIONS='-c synchronous_commit=off' "$bindir/pgbench" -n -M prepared -c 2 -j 2 \
		-T "$seconds" -f "$1" bench 2>&1 | awk '/^tps = / { print $3 }'
}
bare_tps=$(tps "$dir/bare.pgb")
checked_tps=$(tps "$dir/checked.pgb")
two_tps=$(tps "$dir/two.pgb")
verify=$(psql -X -At -c 'SELECT ok FROM enforcement.verify_process_log()')

echo "routine-inspection INSERT against a bare copy of the table"
echo "instructions per insert (callgrind, single-user, $inserts inserts):"
echo "  bare $bare_per, checked $checked_per, ratio $(awk "BEGIN { if ($bare_per > 0) printf \"%.2f\", $checked_per / $bare_per; else print \"n/a\" }")"
echo "pgbench, 2 clients, prepared, synchronous_commit = off, ${seconds}s:"
echo "  bare $bare_tps tps, checked $checked_tps tps, ratio $(awk "BEGIN { printf \"%.2f\", $checked_tps / $bare_tps }")"
echo "  checked, each client for its own agency: $two_tps tps, ratio $(awk "BEGIN { printf \"%.2f\", $two_tps / $bare_tps }")"
echo "process record verifies after the run: $verify"
[ "$verify" = t ]
