#!/bin/sh
# Make sure PostgreSQL's server binaries are installed (Debian's package), so the tests can
# start a throw-away cluster on 127.0.0.1 (tests/pgcluster.py). Nothing is started here and
# no cluster of the system's is touched. Needs root (or sudo) only when the package is missing.
set -eu
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-postgresql: no PostgreSQL server binaries and no apt-get: install PostgreSQL's server" >&2
    exit 1
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -q
# The tests start clusters of their own: tell postgresql-common not to create (and start)
# its "main" cluster on installation.
if [ ! -e /etc/postgresql-common/createcluster.conf ]; then
    $SUDO mkdir -p /etc/postgresql-common
    echo "create_main_cluster = false" | $SUDO tee /etc/postgresql-common/createcluster.conf >/dev/null
fi
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends postgresql
