#!/bin/sh
# Best effort: installs Chromium (Debian package chromium) for the tests that check the report's
# pages in a headless browser (the deliberation page, the note's page count). Never fails: where
# it cannot be installed (no apt-get, no rights, no such package), those tests skip and say so.
# ESMS_NO_BROWSER=1 skips the install.
set -u

for b in chromium chromium-browser google-chrome; do
    command -v "$b" >/dev/null 2>&1 && exit 0
done
[ "${ESMS_NO_BROWSER:-0}" = "1" ] && exit 0
command -v apt-get >/dev/null 2>&1 || { echo "note: no apt-get; the browser tests will skip (install Chromium to run them)." >&2; exit 0; }
if [ "$(id -u)" = "0" ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo"
else
    echo "note: Chromium is not installed and this user cannot install it; the browser tests will skip (sudo apt-get install chromium)." >&2
    exit 0
fi
echo "installing Chromium (Debian package chromium) for the browser tests…" >&2
export DEBIAN_FRONTEND=noninteractive
if $SUDO apt-get install -y -qq chromium >/dev/null 2>&1 \
    || { $SUDO apt-get update -qq >/dev/null 2>&1 && $SUDO apt-get install -y -qq chromium >/dev/null 2>&1; }; then
    echo "Chromium installed." >&2
else
    echo "note: Chromium could not be installed; the browser tests will skip." >&2
fi
exit 0
