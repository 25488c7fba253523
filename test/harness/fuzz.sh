#!/bin/sh
# sqlsmith, run as an application's writer role against a database holding
# the demo's district, for a bounded number of queries.  A crash of any
# backend ends every session of the server; a canary session opened before
# the run and asked again after it tells whether one happened.  Prints TAP.
# Runs against the server in PGHOST/PGPORT.
#
# usage: fuzz.sh   (FUZZ_QUERIES, default 100000; FUZZ_SEED, default 1)
set -u

queries=${FUZZ_QUERIES:-100000}
seed=${FUZZ_SEED:-1}
db=enforcement_fuzz
role=enforcement_fuzz_writer
work=$(mktemp -d /tmp/enforcement-fuzz.XXXXXX)
canary_pid=
cleanup() {
	[ -n "$canary_pid" ] && kill "$canary_pid" 2>/dev/null
	exec 3>&- 2>/dev/null
	dropdb --if-exists "$db" >/dev/null 2>&1
	psql -X -q -d postgres -c "DROP ROLE IF EXISTS $role" >/dev/null 2>&1
	rm -rf "$work"
}
trap cleanup EXIT
. test/harness/tap.sh

if ! command -v sqlsmith >/dev/null 2>&1; then
	echo "1..0 # SKIP sqlsmith is not installed"
	exit 0
fi

dropdb --if-exists "$db" >/dev/null 2>&1
createdb -E UTF8 -T template0 --locale=C "$db" || exit 1
psql -X -q -d "$db" -v ON_ERROR_STOP=1 -c 'CREATE EXTENSION enforcement;' || exit 1
# the district: its refusals are expected, so psql goes on after an error
PGOPTIONS='-c datestyle=ISO' psql -X -q -d "$db" -v ON_ERROR_STOP=0 \
	-f test/demo/district.sql >"$work/demo.out" 2>&1
psql -X -q -d "$db" -v ON_ERROR_STOP=1 <<SQL || exit 1
SET client_min_messages = warning;
DROP ROLE IF EXISTS $role;
CREATE ROLE $role LOGIN IN ROLE enforcement_writer;
ALTER ROLE $role SET statement_timeout = '2s';
ALTER ROLE $role SET search_path = enforcement, public;
INSERT INTO enforcement.agency_members (role_name, agency_id) VALUES ('$role', 2);
SQL
before=$(psql -X -At -d "$db" -c 'SELECT count(*) FROM enforcement.process_log')

# the canary: a session that outlives the run unless the server crashes
mkfifo "$work/canary.in"
psql -X -At -d "$db" <"$work/canary.in" >"$work/canary.out" 2>&1 &
canary_pid=$!
exec 3>"$work/canary.in"
echo "SELECT 'canary up';" >&3

sqlsmith --target="dbname=$db user=$role" --exclude-catalog --verbose \
	--max-queries="$queries" --seed="$seed" >"$work/sqlsmith.out" 2>&1
status=$?

echo "SELECT 'canary alive';" >&3
exec 3>&-
wait "$canary_pid" 2>/dev/null
canary_pid=

tail -n 5 "$work/sqlsmith.out" | sed 's/^/# /'
result $status "sqlsmith ran $queries queries as a writer (seed $seed)"
grep -q 'canary alive' "$work/canary.out"
alive=$?
[ $alive -ne 0 ] && sed 's/^/# canary: /' "$work/canary.out"
result $alive "no backend crashed: the canary session survived the run"
after=$(psql -X -At -d "$db" -c 'SELECT count(*) FROM enforcement.process_log' 2>/dev/null)
echo "# process record: $before entries before, $after after"
test "$(psql -X -At -d "$db" -c 'SELECT ok FROM enforcement.verify_process_log()' 2>/dev/null)" = t
result $? "the process record verifies after the run"
plan
