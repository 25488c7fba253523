#!/bin/sh
# Checks docs/errors.md against the rules the installed extension raises
# (the view enforcement.rules): every code raised has a row, not marked
# planned or reserved, that names each of its rules; and the page names the
# current release.  Prints TAP.  Runs against the server in PGHOST/PGPORT.
set -u

doc=docs/errors.md
db=enforcement_docs
. test/harness/tap.sh

dropdb --if-exists "$db" >/dev/null 2>&1
createdb "$db" || exit 1
trap 'dropdb --if-exists "$db" >/dev/null 2>&1' EXIT
psql -X -q -d "$db" -c 'CREATE EXTENSION enforcement' || exit 1

version=$(psql -X -At -d "$db" -c "SELECT extversion FROM pg_catalog.pg_extension WHERE extname = 'enforcement'")
grep -q "The current release is $version\." "$doc"
result $? "$doc names the current release, $version"

pairs=$(psql -X -At -F ' ' -d "$db" -c \
	"SELECT DISTINCT code, rule FROM enforcement.rules ORDER BY code, rule" | tr ' ' '~')
for pair in $pairs; do
	code=${pair%%~*}
	rule=$(echo "${pair#*~}" | tr '~' ' ')
	row=$(grep "^| $code |" "$doc")
	if [ -z "$row" ]; then
		result 1 "$code ($rule) has a row in $doc"
		continue
	fi
	raised=$(echo "$row" | awk -F'|' '{print $7}')
	rules=$(echo "$row" | awk -F'|' '{print $6}')
	case "$raised" in
	*planned* | *reserved*) result 1 "$code is raised, but $doc says: $raised" ;;
	*) result 0 "$code is raised, and $doc says from which release" ;;
	esac
	case ", $(echo "$rules" | sed 's/^ *//; s/ *$//')," in
	*", $rule,"*) result 0 "$code: $doc names its rule $rule" ;;
	*) result 1 "$code: $doc names its rule $rule (it says:$rules)" ;;
	esac
done
plan
