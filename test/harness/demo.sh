#!/bin/sh
# The walkthrough of `make demo`: a Dingtao district in a fresh database,
# lawful actions accepted, unlawful ones refused with their messages, and
# the supervision views.  Runs against the server in PGHOST/PGPORT.
set -u

db=enforcement_demo
out=$(mktemp /tmp/enforcement-demo.XXXXXX)
trap 'rm -f "$out"' EXIT

dropdb --if-exists "$db" >/dev/null 2>&1
createdb -E UTF8 -T template0 --locale=C "$db" || exit 1
psql -X -q -d "$db" -v ON_ERROR_STOP=1 -c 'CREATE EXTENSION enforcement;' || exit 1

# Refused statements are part of the show, so psql goes on after an error.
PGOPTIONS='-c datestyle=ISO' psql -X -q -d "$db" -v ON_ERROR_STOP=0 \
	-f test/demo/district.sql >"$out" 2>&1
status=$?
cat "$out"

# The dashboard page (SUP-1, SUP-3), for a supervisor to open in a browser.
page_dir=${DEMO_OUT:-test/output}
mkdir -p "$page_dir"
page=$(cd "$page_dir" && pwd)/dashboard.html
psql -X -A -t -q -d "$db" -v ON_ERROR_STOP=1 \
	-c "SELECT enforcement.supervision_dashboard(date '2025-01-01', date '2025-12-31')" \
	>"$page" || status=1
dropdb --if-exists "$db" >/dev/null 2>&1

# Every refusal must be one of the extension's (class EN) or a privilege
# refusal (42501); anything else means the walkthrough itself is broken.
if grep -E '(ERROR|错误):  [0-9A-Z]{5}:' "$out" | grep -vE '(ERROR|错误):  (EN[0-9]{3}|42501):' >&2; then
	echo "demo: an unexpected error (above)" >&2
	exit 1
fi
refused=$(grep -cE '(ERROR|错误):  (EN[0-9]{3}|42501):' "$out")
echo
echo "demo: $refused unlawful actions refused, each with its SQLSTATE"
echo "demo: the supervision dashboard for 2025 is written to $page"
exit $status
