#!/bin/sh
# fetch.sh [DEST]: fetch CPython 3.11's source (Debian bookworm's python3.11
# source package) into DEST (default: third_party_src at the repository root,
# which git ignores), configure it to get pyconfig.h, and write
# DEST/python3.11-*/compile_commands.json with one entry per Objects/*.c and
# Modules/*.c, so that `refflow check -p DEST/python3.11-*` runs over the
# interpreter's own code.
#
# Assumes Debian 12 with apt and deb822 sources in /etc/apt/sources.list.d;
# run as root the first time (it adds a deb-src entry for bookworm main,
# mirroring the URIs of the existing bookworm entry, and runs apt-get update).
# Idempotent: every step is skipped when its result is already there.
# Flags in the database: -IInclude -IInclude/internal -I. -DPy_BUILD_CORE_BUILTIN
# (directory = the source root). Files that cannot parse that way are left
# out; EXCLUDED below says why. With CHECK=1 in the environment it then runs
# clang -fsyntax-only on every entry and lists the ones that fail.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
dest=${1:-$root/third_party_src}
mkdir -p "$dest"
dest=$(cd "$dest" && pwd)

# Files that do not parse with the flags above, left out of the database.
# Found with clang 19 -fsyntax-only on Debian 12 (130 of 140 files parse).
EXCLUDED="
Modules/_scproxy.c      macOS only (SystemConfiguration framework)
Modules/_winapi.c       Windows only (windows.h)
Modules/overlapped.c    Windows only (winsock2.h)
Modules/getpath.c       includes Python/frozen_modules/getpath.h, generated during the build
Modules/_tkinter.c      needs Tcl/Tk headers (tcl-dev, tk-dev)
Modules/tkappinit.c     needs Tcl/Tk headers (tcl-dev, tk-dev)
Modules/_dbmmodule.c    needs ndbm.h (libgdbm-compat-dev) and configure's choice of dbm
Modules/_gdbmmodule.c   needs gdbm.h (libgdbm-dev)
Modules/_uuidmodule.c   needs uuid.h (uuid-dev)
Modules/nismodule.c     needs rpc/rpc.h (libtirpc-dev, under /usr/include/tirpc)
"

log() { printf 'fetch.sh: %s\n' "$*"; }

has_deb_src() {
    grep -qsE '^Types:.*deb-src' /etc/apt/sources.list.d/*.sources 2>/dev/null && return 0
    grep -qsE '^deb-src .* bookworm ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null
}

# The URIs / Signed-By of the deb822 stanza whose Suites list "bookworm".
bookworm_field() {
    awk -v want="$1" '
        /^[[:space:]]*$/ { if (bw && val != "" && !done) { print val; done = 1 } bw = 0; val = ""; next }
        $1 == "Suites:" { for (i = 2; i <= NF; i++) if ($i == "bookworm") bw = 1 }
        $1 == want ":" { val = $2 }
        END { if (bw && val != "" && !done) print val }' /etc/apt/sources.list.d/*.sources
}

add_deb_src() {
    has_deb_src && return 0
    uri=$(bookworm_field URIs)
    keys=$(bookworm_field Signed-By)
    [ -n "$uri" ] || uri=http://deb.debian.org/debian
    [ -n "$keys" ] || keys=/usr/share/keyrings/debian-archive-keyring.gpg
    log "adding deb-src for bookworm main ($uri)"
    cat >/etc/apt/sources.list.d/refflow-deb-src.sources <<SRC
Types: deb-src
URIs: $uri
Suites: bookworm
Components: main
Signed-By: $keys
SRC
    apt-get update -qq
}

download() {
    ls "$dest"/python3.11_*.dsc >/dev/null 2>&1 && return 0
    add_deb_src
    apt-cache showsrc python3.11 >/dev/null 2>&1 || apt-get update -qq
    log "downloading the python3.11 source package into $dest"
    (cd "$dest" && apt-get source -qq --download-only python3.11)
}

unpack() {
    for d in "$dest"/python3.11-*/; do
        [ -f "$d/Objects/listobject.c" ] && { src=${d%/}; return 0; }
    done
    log "unpacking"
    if command -v dpkg-source >/dev/null 2>&1; then
        (cd "$dest" && dpkg-source -q -x python3.11_*.dsc >/dev/null)
    else
        orig=$(ls "$dest"/python3.11_*.orig.tar.* | head -1)
        ver=$(basename "$orig" | sed 's/^python3.11_\(.*\)\.orig\.tar\..*$/\1/')
        mkdir -p "$dest/python3.11-$ver"
        tar -xf "$orig" -C "$dest/python3.11-$ver" --strip-components=1
    fi
    for d in "$dest"/python3.11-*/; do
        [ -f "$d/Objects/listobject.c" ] && src=${d%/}
    done
}

configure() {
    [ -f "$src/pyconfig.h" ] && return 0
    log "configuring $src (for pyconfig.h; takes a minute)"
    (cd "$src" && ./configure --quiet >/dev/null 2>"$dest/configure.log") || {
        log "configure failed, see $dest/configure.log"
        exit 1
    }
}

is_excluded() {
    printf '%s\n' "$EXCLUDED" | awk -v f="$1" '$1 == f { found = 1 } END { exit !found }'
}

write_compdb() {
    out="$src/compile_commands.json"
    log "writing $out"
    first=1
    n=0
    {
        printf '[\n'
        for f in "$src"/Objects/*.c "$src"/Modules/*.c; do
            rel=${f#"$src"/}
            is_excluded "$rel" && continue
            [ $first = 1 ] || printf ',\n'
            first=0
            n=$((n + 1))
            printf '  {"directory": "%s", "file": "%s",\n' "$src" "$rel"
            printf '   "arguments": ["cc", "-IInclude", "-IInclude/internal", "-I.", '
            printf '"-DPy_BUILD_CORE_BUILTIN", "-c", "%s"]}' "$rel"
        done
        printf '\n]\n'
    } >"$out.tmp"
    mv "$out.tmp" "$out"
    log "$n entries ($(ls "$src"/Objects/*.c | wc -l) Objects/*.c and $(ls "$src"/Modules/*.c | wc -l) Modules/*.c found; excluded ones listed in fetch.sh)"
}

# CHECK=1: parse every entry with clang and report the failures.
check_parse() {
    clang=${CLANG:-/usr/lib/llvm-19/bin/clang}
    fails=0
    for f in $(sed -n 's/.*"file": "\([^"]*\)".*/\1/p' "$src/compile_commands.json"); do
        (cd "$src" && "$clang" -fsyntax-only -IInclude -IInclude/internal -I. \
            -DPy_BUILD_CORE_BUILTIN "$f" >/dev/null 2>&1) || {
            log "does not parse: $f"
            fails=$((fails + 1))
        }
    done
    log "parse check: $fails failure(s)"
    [ "$fails" = 0 ]
}

download
unpack
configure
write_compdb
[ "${CHECK:-0}" = 1 ] && check_parse
log "done: $src"
