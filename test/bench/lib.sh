# The frame of the benchmarks (sourced): a throwaway cluster of its own,
# callgrind instruction counts on a single-user backend, pgbench TPS, and
# ratios.  A benchmark reports; it never fails on a timing.
#   bench_start NAME   initdb and start the cluster, create the database
#                      bench; sets dir, bindir, as_owner
#   instructions CASE  total instructions of "$dir/CASE.in" run single-user
#   tps SCRIPT [ARGS]  pgbench TPS, 2 clients, prepared, synchronous_commit off
#   ratio A B          A / B with two decimals
bindir=$(pg_config --bindir)
owner=postgres

bench_start() {
	bench_name=$1
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
}

bench_stop() { as_owner "$bindir/pg_ctl" -D "$dir/data" -w stop >/dev/null; }
bench_restart() { as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/log" -w start >/dev/null; }

instructions() {
	as_owner valgrind --tool=callgrind --callgrind-out-file="$dir/cg.$1" \
		"$bindir/postgres" --single -D "$dir/data" -c synchronous_commit=off bench \
		<"$dir/$1.in" >"$dir/$1.out" 2>"$dir/$1.err"
	if grep -q ERROR "$dir/$1.out"; then
		echo "$bench_name bench: an insert failed in $1:" >&2
		grep -m3 -A2 ERROR "$dir/$1.out" >&2
		exit 1
	fi
	[ -n "${BENCH_PROFILE:-}" ] && cp "$dir/cg.$1" "$BENCH_PROFILE/"
	awk '/^summary:/ { print $2 }' "$dir/cg.$1"
}

ratio() { awk "BEGIN { if ($2 > 0) printf \"%.2f\", $1 / $2; else print \"n/a\" }"; }

tps() {
	script=$1
	shift
	PGOPTIONS='-c synchronous_commit=off' "$bindir/pgbench" -n -M prepared -c 2 -j 2 \
		"$@" -f "$script" bench 2>&1 | awk '/^tps = / { print $3 }'
}
