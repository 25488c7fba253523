#!/bin/sh
# Runs a command against a throwaway PostgreSQL cluster: created in a
# temporary directory, owned by an unprivileged OS user, listening only on a
# unix socket, and stopped and removed afterwards, on success or failure.
# With PGHOST or PGPORT set, the command runs against that server instead.
#
# usage: cluster.sh COMMAND [ARG...]
set -u

if [ -n "${PGHOST:-}" ] || [ -n "${PGPORT:-}" ]; then
	exec "$@"
fi

bindir=$(pg_config --bindir)
owner=${ENFORCEMENT_CLUSTER_USER:-postgres}

if [ "$(id -u)" = 0 ]; then
	if ! id "$owner" >/dev/null 2>&1; then
		useradd --system --no-create-home --shell /usr/sbin/nologin "$owner"
	fi
	as_owner() { (cd / && runuser -u "$owner" -- "$@"); }
	# A root directory that other users cannot traverse (as in a chroot
	# unpacked into a private temporary directory) stops every service
	# account; the server's owner needs at least to pass through it.
	if ! runuser -u "$owner" -- test -x "$bindir/initdb" 2>/dev/null; then
		echo "cluster: / is not traversable by $owner; making it so (chmod a+x /)" >&2
		chmod a+x /
	fi
else
	owner=$(id -un)
	as_owner() { "$@"; }
fi

dir=$(mktemp -d /tmp/enforcement-cluster.XXXXXX)
chmod 755 "$dir"
[ "$(id -u)" = 0 ] && chown "$owner" "$dir"

stop_cluster() {
	if [ -f "$dir/data/postmaster.pid" ]; then
		as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1
	fi
	rm -rf "$dir"
}
trap stop_cluster EXIT
trap 'exit 130' INT TERM HUP

# The server's messages must follow lc_messages alone.
unset LANGUAGE LC_ALL LC_MESSAGES

if ! as_owner "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 \
	--no-locale >"$dir/initdb.log" 2>&1; then
	cat "$dir/initdb.log" >&2
	exit 1
fi
cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$dir'
port = 5432
max_prepared_transactions = 10
fsync = off
log_min_messages = warning
CONF
if ! as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w start >/dev/null; then
	cat "$dir/server.log" >&2
	exit 1
fi

PGHOST=$dir PGPORT=5432 PGUSER=postgres PGDATABASE=postgres
export PGHOST PGPORT PGUSER PGDATABASE
"$@"
