#!/bin/sh
# Makes sure the C libraries esms links are installed with their development files:
#   GLPK, the GNU Linear Programming Kit (Debian/Ubuntu package libglpk-dev), the solver;
#   libxlsxwriter (package libxlsxwriter-dev), the Excel workbook of the report (decisions.xlsx);
#   zlib (package zlib1g-dev), with which ZIPFoundation deflates the procès-verbal pv.odt and the
#   tests read the workbooks back.
# Installs the missing ones with apt-get (as root, or through sudo without a password), in one
# call; otherwise prints the exact command to run and fails.
set -eu

# have HEADER LIBRARY: the header and the shared library (the linker's libNAME.so) are installed.
have() {
    [ -f "/usr/include/$1" ] || [ -f "/usr/local/include/$1" ] || return 1
    for lib in /usr/lib/*/"$2" "/usr/lib/$2" "/usr/local/lib/$2"; do
        [ -e "$lib" ] && return 0
    done
    return 1
}

missing() {
    have glpk.h libglpk.so || echo libglpk-dev
    have xlsxwriter.h libxlsxwriter.so || echo libxlsxwriter-dev
    have zlib.h libz.so || echo zlib1g-dev
}

packages=$(missing | tr '\n' ' ' | sed 's/ $//')
if [ -z "$packages" ]; then
    exit 0
fi

echo "esms needs the C libraries GLPK (solver), libxlsxwriter (Excel workbook) and zlib (OpenDocument, tests): installing the Debian package(s) $packages…" >&2
if [ "$(id -u)" = "0" ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo"
else
    echo "error: $packages not installed and this user cannot install packages." >&2
    echo "Run, as an administrator:" >&2
    echo "    sudo apt-get update && sudo apt-get install -y $packages" >&2
    exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: apt-get not found; install the development files of $packages (glpk.h and libglpk, xlsxwriter.h and libxlsxwriter, zlib.h and libz) with your package manager." >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >&2
# shellcheck disable=SC2086 # one word per package
$SUDO apt-get install -y -qq $packages >&2
left=$(missing | tr '\n' ' ' | sed 's/ $//')
if [ -n "$left" ]; then
    echo "error: $packages installed but the header or the shared library of $left is still missing." >&2
    exit 1
fi
echo "$packages installed." >&2
