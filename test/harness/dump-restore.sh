#!/bin/sh
# pg_dump / pg_restore round trip of a populated database, against the
# server in PGHOST/PGPORT.  Prints TAP ("ok N - ..."): the restore succeeds
# with the triggers in place, the data is whole, the process record verifies
# and is the same entries with the same chain head -- restoring appends
# nothing and re-chains nothing; every row equals its last entry
# (verify_rows()); the restore is recorded once per session ("restore
# began"); and a plain dump restored with psql prints no rule warnings.
set -u

src=enforcement_dump_src
dst=enforcement_dump_dst
plain=enforcement_dump_plain
work=$(mktemp -d /tmp/enforcement-dump.XXXXXX)
trap 'rm -rf "$work"; [ -n "${KEEP:-}" ] || { dropdb --if-exists "$src" >/dev/null 2>&1; dropdb --if-exists "$dst" >/dev/null 2>&1; dropdb --if-exists "$plain" >/dev/null 2>&1; }' EXIT
n=0
failed=0

check() {	# check DESCRIPTION COMMAND...
	desc=$1
	shift
	n=$((n + 1))
	if "$@" >"$work/out" 2>&1; then
		echo "ok $n - $desc"
	else
		echo "not ok $n - $desc"
		sed 's/^/# /' "$work/out"
		failed=$((failed + 1))
	fi
}

q() {	# q DB SQL: one value
	psql -X -At -v ON_ERROR_STOP=1 -d "$1" -c "$2"
}

same() {	# same SQL: the query gives the same output in both databases
	a=$(q "$src" "$1") || return 1
	b=$(q "$dst" "$1") || return 1
	[ "$a" = "$b" ] || { echo "source:   $a"; echo "restored: $b"; return 1; }
}

for db in "$src" "$dst" "$plain"; do
	dropdb --if-exists "$db" >/dev/null 2>&1
	createdb -E UTF8 -T template0 --locale=C "$db" || exit 1
done

check "a populated database is built" \
	psql -X -q -v ON_ERROR_STOP=1 -d "$src" -f test/harness/dump-restore.sql
check "pg_dump of the populated database" \
	pg_dump -Fc -f "$work/db.dump" "$src"
check "pg_restore into an empty database, triggers in place, no error" \
	pg_restore --exit-on-error -d "$dst" "$work/db.dump"

check "the restored process record verifies" \
	test "$(q "$dst" 'SELECT ok FROM enforcement.verify_process_log()')" = t
check "the same chain head (seq, hash)" \
	same 'SELECT seq, encode(hash, $$hex$$) FROM enforcement.chain_head()'
check "the same process record entries: restoring appended nothing" \
	same 'SELECT count(*), md5(string_agg(l::text, $$|$$ ORDER BY seq)) FROM enforcement.process_log l'
check "the same chain heads table" \
	same 'SELECT md5(string_agg(h::text, $$|$$ ORDER BY chain)) FROM enforcement.chain_heads h'
check "the source's rows all equal their last entry" \
	test "$(q "$src" 'SELECT count(*) FROM enforcement.verify_rows()')" = 0
check "the restored rows all equal their last entry" \
	test "$(q "$dst" 'SELECT count(*) FROM enforcement.verify_rows()')" = 0
# the restore's own record: one row per restoring session, not in the source
marker="code = '00000' AND message = 'restore began'"
check "the restore is recorded once, naming the role" \
	test "$(q "$dst" "SELECT count(*) FILTER (WHERE db_user = current_user AND detail LIKE 'Role ' || current_user || ' began restoring%') || '/' || count(*) FROM enforcement.violations WHERE $marker")" = 1/1
check "table violations is whole, with the restore's record besides" \
	same "SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM enforcement.violations t WHERE NOT ($marker)"
for t in installation settings calendar agency_members agencies \
	legal_bases agency_powers officers certificates enterprises conflicts; do
	check "table $t is whole" \
		same "SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM enforcement.$t t"
done
check "the node id is kept" \
	same 'SELECT enforcement.node_id()'
check "new ids go on after the restored ones" \
	test "$(q "$dst" 'SELECT enforcement.next_id() > (SELECT max(id) FROM enforcement.officers)')" = t
check "writing after the restore is recorded" \
	q "$dst" "INSERT INTO enforcement.enterprises (credit_code, name) VALUES ('91371703MA3F9WN2KN', '恢复后新增')"
check "and the record, extended, still verifies" \
	test "$(q "$dst" 'SELECT ok FROM enforcement.verify_process_log()')" = t

# A plain dump restored with psql, as pg_dump's scripts are: lawful and
# let-through rows alike come back without a rule's warning.
check "pg_dump of the populated database as a plain script" \
	pg_dump -Fp -f "$work/db.sql" "$src"
check "psql restores the plain dump without error" \
	psql -X -q -v ON_ERROR_STOP=1 -d "$plain" -f "$work/db.sql" -o /dev/null 2>"$work/plain.err"
check "and prints no WARNING" \
	sh -c "! grep -n WARNING '$work/plain.err'"
check "the plainly restored record verifies" \
	test "$(q "$plain" 'SELECT ok FROM enforcement.verify_process_log()')" = t
check "the same chain head after the plain restore" \
	test "$(q "$plain" 'SELECT seq, encode(hash, $$hex$$) FROM enforcement.chain_head()')" = "$(q "$src" 'SELECT seq, encode(hash, $$hex$$) FROM enforcement.chain_head()')"
check "the plainly restored rows all equal their last entry" \
	test "$(q "$plain" 'SELECT count(*) FROM enforcement.verify_rows()')" = 0

echo "1..$n"
[ $failed -eq 0 ]
