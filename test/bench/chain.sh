#!/bin/sh
# Benchmark of the process record (src/record.c): the throughput of mixed
# writes to enforcement.officers, one INSERT of an officer and one UPDATE
# (a rename) of another officer of the same agency per transaction
# (writes.sql), with pgbench, 2 clients, -M prepared, synchronous_commit off,
# and the chain verified after each run.
#
#   baseline         the same writes with the officers' record_row trigger
#                    disabled: same table, same other triggers, foreign key
#                    and ids, no process record; measured for each of the
#                    two client layouts below, in the same run
#   one agency       both clients write agency 2: one chain, one head row
#                    that every writer locks in turn
#   several agencies client 0 writes agency 2, client 1 agency 3: two
#                    chains, which should not queue on each other
#
# Each run gets a fresh database ($BENCH_DB, default enforcement_bench) with
# CREATE EXTENSION enforcement and test/fixtures/registry.sql; it is dropped
# at the end.  Prints per run the pgbench summary and verify_process_log(),
# then a table: scenario, TPS, ratio to its baseline, verify, entries.
#
# usage, from the project's root:
#   sh test/bench/chain.sh                  # in a throwaway cluster
#   PGHOST=... PGPORT=... sh test/bench/chain.sh   # against that server
# BENCH_SECONDS sets the length of each run (default 15).
#
# A benchmark, not a test: timings never fail it.  It exits non-zero only if
# verify_process_log() is not ok after a run, or a pgbench run (or the setup
# of a run) errors.  Not part of make test.
set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

if [ -z "${PGHOST:-}" ] && [ -z "${PGPORT:-}" ]; then
	exec sh "$root/test/harness/cluster.sh" sh "$here/chain.sh" "$@"
fi

db=${BENCH_DB:-enforcement_bench}
secs=${BENCH_SECONDS:-15}
clients=2
bindir=$(pg_config --bindir)
pgbench=$bindir/pgbench
[ -x "$pgbench" ] || pgbench=pgbench
PGOPTIONS="${PGOPTIONS:-} -c synchronous_commit=off"
export PGOPTIONS

work=$(mktemp -d /tmp/enforcement-bench.XXXXXX)
cleanup() {
	dropdb --if-exists --force "$db" >/dev/null 2>&1
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

status=0
psql_q() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"; }

# run NAME SPREAD RECORD(on|off): one fresh database, one pgbench run.
# Appends "name|tps|verify|entries|appended" to $work/results.
run() {
	name=$1 spread=$2 record=$3
	echo
	echo "== $name (spread=$spread, process record $record) =="
	dropdb --if-exists --force "$db" >/dev/null 2>&1
	if ! createdb -E UTF8 -T template0 --locale=C "$db" ||
		! psql_q -c "CREATE EXTENSION enforcement" \
			-f "$root/test/fixtures/registry.sql" -f "$here/setup.sql" \
			>/dev/null; then
		echo "setup of $name failed" >&2
		exit 2
	fi
	if [ "$record" = off ] &&
		! psql_q -c "ALTER TABLE enforcement.officers DISABLE TRIGGER record_row"; then
		echo "setup of $name failed" >&2
		exit 2
	fi
	before=$(psql_q -c "SELECT count(*) || ' ' || coalesce(max(seq), 0)
		FROM enforcement.process_log") || exit 2
	before_seq=${before#* }
	before=${before%% *}

	out=$work/$name.out
	"$pgbench" -n -M prepared -c $clients -j $clients -T "$secs" \
		-D spread="$spread" -f "$here/writes.sql" "$db" >"$out" 2>&1
	rc=$?
	grep -E '^(number of (transactions actually processed|failed transactions):|latency average =|tps =)' "$out"
	tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$out" | head -n 1)
	xacts=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$out")
	failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$out")
	if [ $rc -ne 0 ] || [ "${failed:-0}" != 0 ] || [ -z "$tps" ]; then
		echo "pgbench FAILED (exit $rc):" >&2
		cat "$out" >&2
		status=1
		tps=${tps:-0}
	fi

	echo "-- SELECT * FROM enforcement.verify_process_log()"
	psql -X -d "$db" -c "SELECT * FROM enforcement.verify_process_log()"
	v=$(psql_q -F ' ' -c "SELECT ok, entries FROM enforcement.verify_process_log()")
	ok=${v%% *}
	entries=${v#* }
	if [ "$ok" != t ]; then
		echo "verify_process_log() is NOT ok after $name" >&2
		status=1
		ok=${ok:-error}
		[ -n "$v" ] || entries=-
	fi
	after=$(psql_q -c "SELECT count(*) FROM enforcement.process_log") || after=$before
	appended=$((after - before))
	echo "appended to the process record: $appended entries" \
		"($(psql_q -c "SELECT coalesce(string_agg('chain ' || chain || ': ' || n, ', '), 'none')
			FROM (SELECT chain, count(*) AS n FROM enforcement.process_log
				  WHERE seq > $before_seq
				  GROUP BY chain ORDER BY chain) c"))"
	if [ "$record" = on ] && [ "$ok" = t ] && [ -n "$xacts" ] && [ "$appended" -ne $((2 * xacts)) ]; then
		echo "note: expected 2 entries per transaction, $((2 * xacts))"
	fi
	echo "$name|$tps|$ok|$entries|$appended" >>"$work/results"
	dropdb --if-exists --force "$db" >/dev/null 2>&1
}

echo "process record benchmark: $clients clients (-c $clients -j $clients)," \
	"-M prepared, -T $secs each, synchronous_commit=off"
echo "server: $(psql -X -At -d postgres -c 'SHOW server_version') at ${PGHOST:-}:${PGPORT:-5432}"
echo "baseline: the same writes.sql with enforcement.officers' record_row" \
	"trigger disabled (no process record), once per client layout"

run baseline_one 0 off
run one_agency 0 on
run baseline_several 1 off
run several_agencies 1 on

field() { awk -F'|' -v n="$1" -v f="$2" '$1 == n { print $f }' "$work/results"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

b0=$(field baseline_one 2)
b1=$(field baseline_several 2)
echo
echo "== results ($secs s each; ratio = TPS / TPS of the baseline with the same clients and agencies) =="
printf '%-34s %10s %8s %7s %8s %9s\n' scenario TPS ratio verify entries appended
line() {
	printf '%-34s %10.1f %8s %7s %8s %9s\n' "$1" "$(field "$2" 2)" "$3" \
		"$(field "$2" 3)" "$(field "$2" 4)" "$(field "$2" 5)"
}
line "baseline, one agency (no record)" baseline_one 1.00
line "one agency (one chain)" one_agency "$(ratio "$(field one_agency 2)" "$b0")"
line "baseline, two agencies (no record)" baseline_several 1.00
line "several agencies (two chains)" several_agencies "$(ratio "$(field several_agencies 2)" "$b1")"
echo "several agencies / one agency: $(ratio "$(field several_agencies 2)" "$(field one_agency 2)")"
[ $status -eq 0 ] || echo "FAILED: see above" >&2
exit $status
