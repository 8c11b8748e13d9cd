#!/bin/sh
# Builds the C drivers against the runtime (../*.c) and compares their normalized
# output with the goldens recorded from Go 1.19 by record.sh (Go itself is
# not needed here). extras.golden is hand-written (no Go equivalent).
#   CC=aarch64-linux-gnu-gcc RUN="qemu-aarch64 -L /usr/aarch64-linux-gnu" \
#   LDFLAGS=-Wl,--dynamic-linker=/lib/aarch64-linux-gnu/ld-linux-aarch64.so.1 sh check.sh
# runs the same checks for arm64 (LDFLAGS as minigo links arm64: see
# backend/src/link.rs for why the loader is named). Exit status 0 iff
# everything matches.
set -u
MG_HERE=$(cd "$(dirname "$0")" && pwd)
. "$MG_HERE/lib.sh"
CC=${CC:-cc}
CFLAGS=${CFLAGS:--O2}
LDFLAGS=${LDFLAGS:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

for source in "$MG_HERE"/../*.c; do
    if ! $CC $CFLAGS -Wall -Wextra -Werror -c "$source" -o "$tmp/$(basename "$source" .c).rt.o"; then
        echo "FAIL: $(basename "$source") does not compile cleanly"
        exit 1
    fi
done

compare() { # NAME GOLDEN ACTUAL (each goroutine's frames compared as one line: mg_frames)
    mg_frames <"$2" >"$tmp/golden.frames"
    mg_frames <"$3" >"$tmp/actual.frames"
    if cmp -s "$tmp/golden.frames" "$tmp/actual.frames"; then
        echo "ok   $1"
    else
        echo "FAIL $1"
        diff -u "$tmp/golden.frames" "$tmp/actual.frames" | head -40
        fail=1
    fi
}

for p in print slices strings panics goroutines extras parallel; do
    if ! $CC $CFLAGS -Wall -Wextra -o "$tmp/$p" "$MG_HERE/$p.c" "$tmp"/*.rt.o $LDFLAGS -lgc; then
        echo "FAIL build $p"
        fail=1
        continue
    fi
    if [ "$p" = extras ]; then
        {
            for c in segv0 segv8 fault exit3; do
                for tb in none unset; do
                    echo "== $c GOTRACEBACK=$tb"
                    if [ $tb = unset ]; then
                        (unset GOTRACEBACK; mg_run "$tmp/out" "$tmp/$p" "$c")
                    else
                        GOTRACEBACK=$tb mg_run "$tmp/out" "$tmp/$p" "$c"
                    fi
                done
            done
            echo "== overflow (MINIGO_STACKSIZE=16777216)"
            MINIGO_STACKSIZE=16777216 GOTRACEBACK=none mg_run "$tmp/out" "$tmp/$p" overflow |
                sed -e 's/sp=0x[0-9a-f]* stack=\[0x[0-9a-f]*, 0x[0-9a-f]*\]/sp=0xSP stack=[0xLO, 0xHI]/'
            echo "== overflowg (MINIGO_STACKSIZE=16777216)"
            MINIGO_STACKSIZE=16777216 GOTRACEBACK=none mg_run "$tmp/out" "$tmp/$p" overflowg |
                sed -e 's/sp=0x[0-9a-f]* stack=\[0x[0-9a-f]*, 0x[0-9a-f]*\]/sp=0xSP stack=[0xLO, 0xHI]/'
            echo "== segvg"
            (unset GOTRACEBACK; mg_run "$tmp/out" "$tmp/$p" segvg)
            echo "== memstats"
            MINIGO_MEMSTATS=1 mg_run "$tmp/out" "$tmp/$p" memstats
            echo "== gc"
            mg_run "$tmp/out" "$tmp/$p" gc
            echo "== bigzero"
            mg_run "$tmp/out" "$tmp/$p" bigzero
            echo "== memstats off"
            mg_run "$tmp/out" "$tmp/$p" memstats
        } >"$tmp/$p.actual"
        [ -n "${MG_KEEP:-}" ] && cp "$tmp/$p.actual" "$MG_KEEP"
    elif [ "$p" = parallel ]; then
        {
            for c in together stolen deadlock; do
                echo "== $c"
                GOMAXPROCS=2 GOTRACEBACK=none MG_CASE=$c mg_run "$tmp/out" "$tmp/$p"
            done
            for n in 1 2 4; do
                echo "== memstats GOMAXPROCS=$n"
                GOMAXPROCS=$n MINIGO_MEMSTATS=1 MG_CASE=memstats mg_run "$tmp/out" "$tmp/$p"
            done
        } >"$tmp/$p.actual"
    else
        mg_suite "$tmp" "$p" "$tmp/out" >"$tmp/$p.actual"
    fi
    compare "$p" "$MG_HERE/$p.golden" "$tmp/$p.actual"
done

if [ $fail -eq 0 ]; then
    echo "all runtime checks passed"
fi
exit $fail
