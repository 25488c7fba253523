#!/bin/sh
# The supervision dashboard (SUP-1, SUP-3): the demo district's page for
# 2025, opened in headless Chromium and checked as rendered (every chart
# drawn, no console error, no request leaving the page).  Prints TAP.
# Runs against the server in PGHOST/PGPORT; the page and its screenshot
# are written to ${DASHBOARD_OUT:-test/output}.
set -u

db=enforcement_dashboard
out=${DASHBOARD_OUT:-test/output}
log=$(mktemp /tmp/enforcement-dashboard.XXXXXX)
trap 'dropdb --if-exists "$db" >/dev/null 2>&1; rm -f "$log"' EXIT
mkdir -p "$out"

# Debian's python3 and its python3-websocket (test/harness/deps.sh)
python=/usr/bin/python3
[ -x "$python" ] || python=python3
if ! "$python" -c 'import websocket' 2>/dev/null; then
	echo "not ok 1 - python3-websocket is not installed"
	exit 1
fi

dropdb --if-exists "$db" >/dev/null 2>&1
createdb -E UTF8 -T template0 --locale=C "$db" || exit 1
psql -X -q -d "$db" -v ON_ERROR_STOP=1 -c 'CREATE EXTENSION enforcement;' || exit 1
PGOPTIONS='-c datestyle=ISO' psql -X -q -d "$db" -v ON_ERROR_STOP=0 \
	-f test/demo/district.sql >"$log" 2>&1
psql -X -A -t -q -d "$db" -v ON_ERROR_STOP=1 \
	-c "SELECT enforcement.supervision_dashboard(date '2025-01-01', date '2025-12-31')" \
	>"$out/dashboard.html" || exit 1
"$python" test/harness/dashboard-check.py "$out/dashboard.html" "$out"
