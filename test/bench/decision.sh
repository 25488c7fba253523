#!/bin/sh
# The cost of one decision INSERT with every check of CASE-1..6 (stage,
# limitation, first offence, benchmark, major and its review, hearing,
# subject and power) and what it applies (the event decided, the case's
# stage), against two baselines measured in the same run:
#   bare     a copy of the table with its defaults only;
#   fk       a copy with the same primary key, unique and foreign keys,
#            but no triggers;
#   full     enforcement.decisions as installed.
# Each insert decides a case of its own, at the stage notified, with an
# approved review; every enterprise has an earlier penalty, so the
# first-offence item is computed and does not apply.  Measured as
# instructions per insert (callgrind, single-user, plain statements) and
# pgbench TPS (2 clients, prepared, synchronous_commit = off).
# A benchmark, not a test: it reports ratios and never fails on a timing.
# usage: sh test/bench/decision.sh   (BENCH_INSERTS=200 BENCH_TX=4000 change
#        the sizes; BENCH_PROFILE=DIR keeps the callgrind profiles there)
set -eu

inserts=${BENCH_INSERTS:-200}
tx=${BENCH_TX:-4000}
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
bench_start decision
cases=$((inserts * 3 + 2 * tx + 100))
psql -X -q -v ON_ERROR_STOP=1 -v cases="$cases" -f "$here/decision-setup.sql" >/dev/null

cols="case_id, decided_on, kind, fine_amount, circumstance, agency_id"
values() {	# values CASE: a fine within the agency's benchmark, major
	echo "$1, '2025-06-01', 'fine', 60000, 'ordinary', 2"
}
# write_case NAME TABLE FIRST: a warm-up (one insert into each table), then
# $inserts inserts deciding cases FIRST, FIRST + 1, ...
write_case() {
	{
		echo "INSERT INTO public.bench_bare ($cols) VALUES ($(values 1001));"
		echo "INSERT INTO public.bench_fk ($cols) VALUES ($(values 1001));"
		echo "INSERT INTO enforcement.decisions ($cols) VALUES ($(values 1001));"
		i=0
		while [ $i -lt "$inserts" ] && [ "$2" != none ]; do
			echo "INSERT INTO $2 ($cols) VALUES ($(values $(($3 + i))));"
			i=$((i + 1))
		done
	} >"$dir/$1.in"
}
write_case none none 0
write_case bare public.bench_bare 1002
write_case fk public.bench_fk 1002
write_case full enforcement.decisions 1002
chmod 644 "$dir"/*.in
bench_stop

ratio_line() { echo "full/fk-only $(ratio "$3" "$2"), full/bare $(ratio "$3" "$1")"; }
if command -v valgrind >/dev/null 2>&1; then
	# each run is a fresh copy of the data: the runs decide the same cases
	cp -a "$dir/data" "$dir/pristine"
	run() {
		rm -rf "$dir/data"
		cp -a "$dir/pristine" "$dir/data"
		instructions "$1"
	}
	none=$(run none)
	bare=$(( ($(run bare) - none) / inserts ))
	fk=$(( ($(run fk) - none) / inserts ))
	full=$(( ($(run full) - none) / inserts ))
	rm -rf "$dir/data"
	mv "$dir/pristine" "$dir/data"
	echo "instructions per decision INSERT (callgrind, single-user, $inserts inserts):"
	echo "  bare $bare, fk-only $fk, everything $full"
	echo "  $(ratio_line "$bare" "$fk" "$full")"
else
	echo "valgrind not found: instructions not measured"
fi

bench_restart
for t in bare fk; do
	cat >"$dir/$t.pgb" <<SQL
INSERT INTO public.bench_$t ($cols) VALUES (nextval('public.bench_case'), '2025-06-01', 'fine', 60000, 'ordinary', 2);
SQL
done
sed 's/public.bench_bare/enforcement.decisions/' "$dir/bare.pgb" >"$dir/full.pgb"
run_tps() {	# run_tps TABLE: cases from 1000 + 3 * inserts on, per run
	psql -X -q -c "SELECT setval('public.bench_case', $((1001 + 3 * inserts)))" >/dev/null
	tps "$dir/$1.pgb" -t "$tx"
}
bare_tps=$(run_tps bare)
fk_tps=$(run_tps fk)
full_tps=$(run_tps full)
decided=$(psql -X -At -c "SELECT count(*) FROM enforcement.cases WHERE stage = 'decided' AND id > 1000")
verify=$(psql -X -At -c 'SELECT ok FROM enforcement.verify_process_log()')
echo "pgbench, 2 clients x $tx decisions, prepared, synchronous_commit = off:"
echo "  bare $bare_tps tps, fk-only $fk_tps tps, everything $full_tps tps"
echo "  $(ratio_line "$bare_tps" "$fk_tps" "$full_tps")"
echo "cases decided by the run: $decided; process record verifies: $verify"
[ "$verify" = t ]
