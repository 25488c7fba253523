#!/bin/sh
# Installs what building and testing the extension needs on Debian bookworm,
# when it is missing.  Safe to run again: it does nothing once all is there.
set -eu

PGVER=15
packages="gcc make libc6-dev gettext locales postgresql-$PGVER postgresql-server-dev-$PGVER postgresql-$PGVER-pgtap libtap-parser-sourcehandler-pgtap-perl sqlsmith python3 python3-jsonschema python3-websocket chromium fonts-wqy-microhei"

missing=""
for p in $packages; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		missing="$missing $p"
	fi
done

if [ -n "$missing" ]; then
	if [ "$(id -u)" != 0 ]; then
		echo "deps: missing packages:$missing; run as root to install them" >&2
		exit 1
	fi
	echo "deps: installing$missing"
	export DEBIAN_FRONTEND=noninteractive
	# Keep the package from starting a cluster of its own (no service
	# manager in a chroot or container); the tests start their own.
	policy=/usr/sbin/policy-rc.d
	created_policy=no
	if [ ! -e "$policy" ]; then
		printf '#!/bin/sh\nexit 101\n' > "$policy"
		chmod 755 "$policy"
		created_policy=yes
	fi
	apt-get update -qq
	apt-get install -y -qq --no-install-recommends $missing >/dev/null
	if [ "$created_policy" = yes ]; then
		rm -f "$policy"
	fi
fi

# The Chinese message test needs zh_CN.UTF-8.
if ! locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
	if [ "$(id -u)" != 0 ]; then
		echo "deps: locale zh_CN.UTF-8 is missing; run as root to generate it" >&2
		exit 1
	fi
	echo "deps: generating locale zh_CN.UTF-8"
	if ! grep -q '^zh_CN.UTF-8 UTF-8' /etc/locale.gen 2>/dev/null; then
		echo 'zh_CN.UTF-8 UTF-8' >> /etc/locale.gen
	fi
	locale-gen >/dev/null
fi
exit 0
