#!/bin/sh
# Runs every test against the server in PGHOST/PGPORT: pg_regress and
# isolation (make installcheck), pgTAP (pg_prove), the pg_dump and
# pg_restore round trip, docs/errors.md against the rules raised, the
# supervision report against its schema, the dashboard in headless
# Chromium, and a
# short sqlsmith run as a writer.  Ends with one line, "N passed, M failed", summed
# over all of them, and exits non-zero on failure.
set -u

log=$(mktemp /tmp/enforcement-tests.XXXXXX)
trap 'rm -f "$log" "$log.tap" "$log.script"' EXIT
status=0

echo "== pg_regress and isolation =="
make -s installcheck >"$log" 2>&1 || status=1
cat "$log"
[ -f regression.diffs ] && [ $status -ne 0 ] && cat regression.diffs
[ -f output_iso/regression.diffs ] && [ $status -ne 0 ] && cat output_iso/regression.diffs

# PostgreSQL 15 prints "test name ... ok"; 16 and later print TAP lines.
reg_pass=$(grep -Ec '(\.\.\. ok|^ok [0-9])' "$log")
reg_fail=$(grep -Ec '(\.\.\. FAILED|\.\.\. failed|^not ok [0-9])' "$log")
if [ $status -ne 0 ] && [ "$reg_fail" -eq 0 ]; then
	reg_fail=1				# the run broke before any result
fi

echo "== pgTAP =="
db=enforcement_tap
dropdb --if-exists "$db" >/dev/null 2>&1
tap_status=0
set -- test/pgtap/*.sql
if [ ! -f "$1" ]; then
	echo "no pgTAP tests found" >"$log.tap"
	tap_status=1
elif createdb -E UTF8 -T template0 --locale=C "$db"; then
	pg_prove --verbose --dbname "$db" "$@" >"$log.tap" 2>&1 || tap_status=1
	dropdb --if-exists "$db" >/dev/null 2>&1
else
	tap_status=1
fi
cat "$log.tap" 2>/dev/null
tap_pass=$(grep -Ec '^[[:space:]]*ok [0-9]' "$log.tap" 2>/dev/null || true)
tap_fail=$(grep -Ec '^[[:space:]]*not ok [0-9]' "$log.tap" 2>/dev/null || true)
tap_pass=${tap_pass:-0}
tap_fail=${tap_fail:-0}
if [ $tap_status -ne 0 ]; then
	status=1
	[ "$tap_fail" -eq 0 ] && tap_fail=1
fi

# A script that prints TAP: its ok and not ok lines are counted; one that
# fails before printing its plan counts as one failure.
summary=""
total_pass=$((reg_pass + tap_pass))
total_fail=$((reg_fail + tap_fail))
tap_script() {	# tap_script TITLE SCRIPT
	echo "== $1 =="
	script_status=0
	sh "$2" >"$log.script" 2>&1 || script_status=1
	cat "$log.script"
	p=$(grep -Ec '^ok [0-9]' "$log.script" || true)
	f=$(grep -Ec '^not ok [0-9]' "$log.script" || true)
	if [ $script_status -ne 0 ]; then
		status=1
		[ "$f" -eq 0 ] && f=1
	fi
	summary="$summary; $1: $p passed, $f failed"
	total_pass=$((total_pass + p))
	total_fail=$((total_fail + f))
}

tap_script "pg_dump and pg_restore round trip" test/harness/dump-restore.sh
tap_script "docs/errors.md against enforcement.rules" test/harness/docs-check.sh
tap_script "the supervision report against its JSON Schema" test/harness/report.sh
tap_script "the supervision dashboard in headless Chromium" test/harness/dashboard.sh
# a short sqlsmith run as a writer; make fuzz runs 100000 queries
FUZZ_QUERIES=${FUZZ_QUERIES:-3000}
export FUZZ_QUERIES
tap_script "sqlsmith as a writer, $FUZZ_QUERIES queries" test/harness/fuzz.sh

echo "pg_regress and isolation: $reg_pass passed, $reg_fail failed; pgTAP: $tap_pass passed, $tap_fail failed$summary"
echo "$total_pass passed, $total_fail failed"
exit $status
