#!/bin/sh
# The report for other authorities (SUP-3): the demo district's report for
# 2025, as a supervisor, a writer, an observer in office and one whose term
# has ended, validated against docs/supervision-report.schema.json.  Prints
# TAP.  Runs against the server in PGHOST/PGPORT; the report is written to
# ${REPORT_OUT:-test/output}/report.json.
set -u

db=enforcement_report
out=${REPORT_OUT:-test/output}
tmp=$(mktemp -d /tmp/enforcement-report.XXXXXX)
roles="en_report_writer en_report_observer en_report_former"
cleanup() {
	dropdb --if-exists "$db" >/dev/null 2>&1
	for r in $roles; do
		psql -X -q -d postgres -c "DROP ROLE IF EXISTS $r" >/dev/null 2>&1
	done
	rm -rf "$tmp"
}
trap cleanup EXIT
cleanup
tmp=$(mktemp -d /tmp/enforcement-report.XXXXXX)
mkdir -p "$out"

# Debian's python3 and its python3-jsonschema (test/harness/deps.sh)
python=/usr/bin/python3
[ -x "$python" ] || python=python3
if ! "$python" -c 'import jsonschema' 2>/dev/null; then
	echo "not ok 1 - python3-jsonschema is not installed"
	exit 1
fi
createdb -E UTF8 -T template0 --locale=C "$db" || exit 1
psql -X -q -d "$db" -v ON_ERROR_STOP=1 -c 'CREATE EXTENSION enforcement;' || exit 1
PGOPTIONS='-c datestyle=ISO' psql -X -q -d "$db" -v ON_ERROR_STOP=0 \
	-f test/demo/district.sql >"$tmp/demo.log" 2>&1
psql -X -q -d "$db" -v ON_ERROR_STOP=1 <<'SQL' || exit 1
CREATE ROLE en_report_writer IN ROLE enforcement_writer;
CREATE ROLE en_report_observer IN ROLE enforcement_observer;
CREATE ROLE en_report_former IN ROLE enforcement_observer;
INSERT INTO enforcement.agency_members (role_name, agency_id) VALUES ('en_report_writer', 2);
INSERT INTO enforcement.supervisors (kind, name, enterprise_id, appointed_on, role_name)
VALUES ('enterprise_commissioner', '企业监督员（测试）', 501, date '2025-01-02', 'en_report_observer');
INSERT INTO enforcement.supervisors (kind, name, appointed_on, term_ends_on, role_name)
VALUES ('social_supervisor', '社会监督员（任期已满）', date '2023-01-02', date '2024-12-31', 'en_report_former');
SQL
report() {	# report ROLE FILE
	PGOPTIONS="-c role=$1" psql -X -A -t -q -d "$db" -v ON_ERROR_STOP=1 \
		-c "SELECT enforcement.supervision_report(date '2025-01-01', date '2025-12-31')" >"$2"
}
report postgres "$out/report.json" || exit 1
report en_report_writer "$tmp/writer.json" || exit 1
report en_report_observer "$tmp/observer.json" || exit 1
report en_report_former "$tmp/former.json" || exit 1
"$python" test/harness/report-check.py docs/supervision-report.schema.json \
	"$out/report.json" "$tmp/writer.json" "$tmp/observer.json" "$tmp/former.json" 2
