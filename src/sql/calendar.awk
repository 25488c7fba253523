# Turns the official holiday calendar (day,kind,source) into INSERTs for the
# install script.
BEGIN { FS = ","; print "\n-- Official 2025-2026 holidays and make-up working days."; }
NR == 1 { next; }
$1 ~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]$/ && ($2 == "holiday" || $2 == "workday") {
	gsub(/'/, "''", $3);
	printf "INSERT INTO enforcement.calendar (day, kind, source) VALUES ('%s', '%s', '%s');\n", $1, $2, $3;
	next;
}
{ print "calendar.awk: bad line " NR ": " $0 > "/dev/stderr"; exit 1; }
