#!/bin/sh
# Makes sure GLPK's development files (Debian/Ubuntu package libglpk-dev) are installed.
# Installs them with apt-get when missing (as root, or through sudo without a password);
# otherwise prints the exact command to run and fails.
set -eu

have_glpk() {
    [ -f /usr/include/glpk.h ] || [ -f /usr/local/include/glpk.h ] || return 1
    for lib in /usr/lib/*/libglpk.so /usr/lib/libglpk.so /usr/local/lib/libglpk.so; do
        [ -e "$lib" ] && return 0
    done
    return 1
}

if have_glpk; then
    exit 0
fi

echo "esms needs GLPK (GNU Linear Programming Kit): installing the Debian package libglpk-dev…" >&2
if [ "$(id -u)" = "0" ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo"
else
    echo "error: libglpk-dev is not installed and this user cannot install packages." >&2
    echo "Run, as an administrator:" >&2
    echo "    sudo apt-get update && sudo apt-get install -y libglpk-dev" >&2
    exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: apt-get not found; install GLPK's development files (glpk.h, libglpk) with your package manager." >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >&2
$SUDO apt-get install -y -qq libglpk-dev >&2
have_glpk || { echo "error: libglpk-dev was installed but glpk.h or libglpk.so is still missing." >&2; exit 1; }
echo "libglpk-dev installed." >&2
