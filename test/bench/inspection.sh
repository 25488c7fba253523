#!/bin/sh
# The cost of one routine-inspection INSERT, against two baselines measured
# in the same run on tables of 2000 earlier inspections, analysed:
#   bare     a copy of the table with its defaults only;
#   fk       a copy with the same primary key, indexes and foreign keys,
#            but no triggers and no CHECKs;
#   checks   enforcement.inspections with the process record's trigger off;
#   full     enforcement.inspections as installed.
# Measured two ways, in a cluster of its own:
#   - instructions per insert under valgrind --tool=callgrind, on a
#     single-user backend, with plain statements (simple) and with
#     PREPARE/EXECUTE (prepared): the same count every run;
#   - pgbench TPS, 2 clients, prepared, synchronous_commit = off.
# A benchmark, not a test: it reports ratios and never fails on a timing.
# usage: sh test/bench/inspection.sh   (as root or as the cluster's owner;
#        BENCH_INSERTS=200 BENCH_SECONDS=15 change the sizes;
#        BENCH_PROFILE=DIR keeps the callgrind profiles there)
set -eu

inserts=${BENCH_INSERTS:-200}
seconds=${BENCH_SECONDS:-15}
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
bench_start inspection
psql -X -q -v ON_ERROR_STOP=1 -f "$here/inspection-setup.sql" >/dev/null

values() {	# values N: the columns of the N-th routine inspection
	echo "2, $((10001 + $1 % 1000)), 21, '2025-04-01', '{101,102}', true, 301"
}
cols="agency_id, enterprise_id, legal_basis_id, inspected_on, officer_ids, certificates_shown, plan_id"
# write_case NAME TABLE PREPARED [SETUP]: the statements of one run; every
# run starts with the same warm-up (one insert into each table, so the
# library and the catalog caches are loaded alike), and the difference
# from the warm-up alone is the inserts' own cost
write_case() {
	{
		echo "$4"
		for t in public.bench_bare public.bench_fk enforcement.inspections; do
			echo "INSERT INTO $t ($cols) VALUES ($(values 999));"
		done
		if [ "$3" = yes ]; then
			echo "PREPARE ins (bigint) AS INSERT INTO $2 ($cols) VALUES (2, \$1, 21, '2025-04-01', '{101,102}', true, 301);"
		fi
		i=0
		while [ $i -lt "$inserts" ] && [ "$2" != none ]; do
			if [ "$3" = yes ]; then
				echo "EXECUTE ins ($((10001 + i % 1000)));"
			else
				echo "INSERT INTO $2 ($cols) VALUES ($(values $i));"
			fi
			i=$((i + 1))
		done
	} >"$dir/$1.in"
}
# each run sets the record trigger on or off first (runs share the data)
on="ALTER TABLE enforcement.inspections ENABLE TRIGGER record_row;"
off="ALTER TABLE enforcement.inspections DISABLE TRIGGER record_row;"
for p in simple prepared; do
	prep=no
	[ $p = prepared ] && prep=yes
	write_case "none_$p" none $prep "$on"
	write_case "bare_$p" public.bench_bare $prep "$on"
	write_case "fk_$p" public.bench_fk $prep "$on"
	write_case "checks_$p" enforcement.inspections $prep "$off"
	write_case "full_$p" enforcement.inspections $prep "$on"
	write_case "offonly_$p" none $prep "$off"
done
chmod 644 "$dir"/*.in
bench_stop

if command -v valgrind >/dev/null 2>&1; then
	echo "instructions per routine-inspection INSERT (callgrind, single-user, $inserts inserts):"
	for p in simple prepared; do
		none=$(instructions "none_$p")
		offonly=$(instructions "offonly_$p")
		bare=$(( ($(instructions "bare_$p") - none) / inserts ))
		fk=$(( ($(instructions "fk_$p") - none) / inserts ))
		checks=$(( ($(instructions "checks_$p") - offonly) / inserts ))
		full=$(( ($(instructions "full_$p") - none) / inserts ))
		echo "  $p: bare $bare, fk-only $fk, checks (record off) $checks, everything $full"
		echo "  $p: checks/fk-only $(ratio $checks $fk), everything/fk-only $(ratio $full $fk), everything/bare $(ratio $full $bare)"
	done
else
	echo "valgrind not found: instructions not measured"
fi

bench_restart
for t in bare fk; do
	cat >"$dir/$t.pgb" <<SQL
\set e random(10001, 11000)
INSERT INTO public.bench_$t ($cols) VALUES (2, :e, 21, '2025-04-01', '{101,102}', true, 301);
SQL
done
sed 's/public.bench_bare/enforcement.inspections/' "$dir/bare.pgb" >"$dir/checked.pgb"
# the same with each client writing for its own agency (its own chain)
cat >"$dir/two.pgb" <<SQL
\set e random(10001, 11000)
\set a 2 + :client_id % 2
\set o1 101 + 2 * (:a - 2)
\set o2 :o1 + 1
\set p 299 + :a
INSERT INTO enforcement.inspections ($cols) VALUES (:a, :e, 21, '2025-04-01', ARRAY[:o1, :o2]::bigint[], true, :p);
SQL
bare_tps=$(tps "$dir/bare.pgb" -T "$seconds")
fk_tps=$(tps "$dir/fk.pgb" -T "$seconds")
checked_tps=$(tps "$dir/checked.pgb" -T "$seconds")
two_tps=$(tps "$dir/two.pgb" -T "$seconds")
verify=$(psql -X -At -c 'SELECT ok FROM enforcement.verify_process_log()')

echo "pgbench, 2 clients, prepared, synchronous_commit = off, ${seconds}s:"
echo "  bare $bare_tps tps, fk-only $fk_tps tps"
echo "  everything, both clients for one agency: $checked_tps tps, $(ratio $checked_tps $fk_tps) of fk-only"
echo "  everything, each client for its own agency: $two_tps tps, $(ratio $two_tps $fk_tps) of fk-only"
echo "process record verifies after the run: $verify"
[ "$verify" = t ]
