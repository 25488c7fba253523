# Turns the official holiday calendar (day,kind,source) into one INSERT for
# the install script (skipped while a dump is restored).
BEGIN { FS = ","; n = 0; }
NR == 1 { next; }
$1 ~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]$/ && ($2 == "holiday" || $2 == "workday") {
	gsub(/'/, "''", $3);
	rows[n++] = sprintf("    ('%s'::pg_catalog.date, '%s', '%s')", $1, $2, $3);
	next;
}
{ print "calendar.awk: bad line " NR ": " $0 > "/dev/stderr"; exit 1; }
END {
	print "\n-- Official 2025-2026 holidays and make-up working days.";
	print "INSERT INTO enforcement.calendar (day, kind, source)";
	print "SELECT v.day, v.kind, v.source FROM (VALUES";
	for (i = 0; i < n; i++)
		printf "%s%s\n", rows[i], (i < n - 1 ? "," : "");
	print ") AS v(day, kind, source)";
	print "WHERE NOT enforcement.restoring();";
}
