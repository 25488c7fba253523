#!/bin/sh
# Runs every test against the server in PGHOST/PGPORT: pg_regress and
# isolation (make installcheck), pgTAP (pg_prove), and the pg_dump and
# pg_restore round trip.  Ends with one line, "N passed, M failed", summed
# over all of them, and exits non-zero on failure.
set -u

log=$(mktemp /tmp/enforcement-tests.XXXXXX)
trap 'rm -f "$log" "$log.tap" "$log.dump"' EXIT
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

echo "== pg_dump and pg_restore round trip =="
sh test/harness/dump-restore.sh >"$log.dump" 2>&1 || status=1
cat "$log.dump"
dump_pass=$(grep -Ec '^ok [0-9]' "$log.dump" || true)
dump_fail=$(grep -Ec '^not ok [0-9]' "$log.dump" || true)
if [ $status -ne 0 ] && [ "$dump_fail" -eq 0 ] && ! grep -q '^1\.\.' "$log.dump"; then
	dump_fail=1				# the script broke before its plan
fi

echo "pg_regress and isolation: $reg_pass passed, $reg_fail failed; pgTAP: $tap_pass passed, $tap_fail failed; dump and restore: $dump_pass passed, $dump_fail failed"
echo "$((reg_pass + tap_pass + dump_pass)) passed, $((reg_fail + tap_fail + dump_fail)) failed"
exit $status
