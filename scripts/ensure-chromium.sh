#!/bin/sh
# Make sure Debian's Chromium is at /usr/bin/chromium for the browser tests.
# Idempotent: does nothing when it is already there. Installs it with apt only when we
# are root (CI containers); otherwise says why it skipped and exits 0, so the browser
# tests skip themselves instead of failing the build.
set -eu

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
    echo "ensure-chromium: $CHROMIUM present"
    exit 0
fi
if [ "$(id -u)" != "0" ]; then
    echo "ensure-chromium: $CHROMIUM missing and not root; browser tests will be skipped"
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-chromium: $CHROMIUM missing and no apt-get; browser tests will be skipped"
    exit 0
fi
echo "ensure-chromium: installing chromium with apt-get"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
echo "ensure-chromium: $($CHROMIUM --version 2>/dev/null || echo installed)"
