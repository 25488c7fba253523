#!/usr/bin/env python3
"""Validates supervision reports (enforcement.supervision_report()) against
docs/supervision-report.schema.json and prints TAP.

    report-check.py SCHEMA SUPERVISOR.json WRITER.json OBSERVER.json FORMER.json AGENCY

SUPERVISOR is the report as a supervisor sees it, WRITER as a writer for
AGENCY, OBSERVER as a social supervisor in office, FORMER as one whose
term has ended.
"""
import json
import sys

import jsonschema

schema_path, sup_path, writer_path, obs_path, former_path, agency = sys.argv[1:7]
agency = int(agency)
schema = json.load(open(schema_path))
n = 0
failed = 0


def result(ok, name, diag=None):
    global n, failed
    n += 1
    if not ok:
        failed += 1
    print(("ok %d - %s" if ok else "not ok %d - %s") % (n, name))
    if not ok and diag:
        for line in str(diag).splitlines()[:20]:
            print("# " + line)


jsonschema.Draft202012Validator.check_schema(schema)
result(True, "the schema is a valid JSON Schema (draft 2020-12)")
validator = jsonschema.Draft202012Validator(
    schema, format_checker=jsonschema.FormatChecker())

reports = {}
for who, path in (("supervisor", sup_path), ("writer", writer_path),
                  ("observer", obs_path), ("former observer", former_path)):
    doc = json.load(open(path))
    reports[who] = doc
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
    result(not errors, "the %s's report validates against %s" % (who, schema_path),
           "\n".join("%s: %s" % ("/".join(map(str, e.path)), e.message)
                     for e in errors[:5]))
    if errors:
        continue
    result(all(len(doc["views"][v]) == doc["counts"][v] for v in doc["views"]),
           "the %s's counts are the lengths of its views" % who)

sup = reports["supervisor"]
views = schema["properties"]["views"]["required"]
result(sorted(sup["views"]) == sorted(views),
       "the report has every supervision view of the schema")
result(sum(sup["counts"].values()) > 0 and all(
    sup["counts"][v] > 0 for v in ("v_inspection_ledger", "v_officer_certification",
                                   "v_legal_review_register", "v_three_systems")),
       "the demo's report is not empty")
result(len({r["agency_id"] for r in sup["views"]["v_inspection_ledger"]}) > 1,
       "a supervisor's report spans several agencies")

writer = reports["writer"]
seen = {r["agency_id"] for v in views for r in writer["views"][v] if "agency_id" in r}
result(seen == {agency}, "a writer's report holds its own agency's rows only",
       "agencies seen: %s" % sorted(seen))
own = [r for r in sup["views"]["v_inspection_ledger"] if r["agency_id"] == agency]
result(writer["views"]["v_inspection_ledger"] == own,
       "a writer's ledger is the supervisor's ledger of its agency")

obs = reports["observer"]
result(obs["views"] == sup["views"],
       "an observer in office reports what a supervisor does")
former = reports["former observer"]
result(all(len(former["views"][v]) == 0 for v in views),
       "an observer whose term has ended reports nothing")

print("1..%d" % n)
sys.exit(1 if failed else 0)
