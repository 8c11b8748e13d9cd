#!/bin/sh
# Records the goldens of backend/tests/programs/*.go (or of the files named)
# with Go 1.19: P.out.txt (stdout+stderr with GOTRACEBACK=none, the pc of a
# nil-dereference signal line normalized to pc=PC) and P.exit.txt. When
# qemu-aarch64 is installed it also builds P for GOARCH=arm64 and, where that
# prints something else, records P.arm64.out.txt and P.arm64.exit.txt.
set -eu
GO=${GO:-/usr/lib/go-1.19/bin/go}
cd "$(dirname "$0")/programs"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
files=${*:-*.go}

# record GOARCH RUNNER... : builds $f for GOARCH and writes $tmp/out, $tmp/exit
record() {
    goarch=$1
    shift
    GO111MODULE=off GOFLAGS= GOARCH=$goarch GOCACHE="$tmp/cache" "$GO" build -o "$tmp/$base" "$f"
    set +e
    GOTRACEBACK=none "$@" "$tmp/$base" > "$tmp/raw" 2>&1
    echo $? > "$tmp/exit"
    set -e
    sed 's/ pc=0x[0-9a-f]*]$/ pc=PC]/' "$tmp/raw" > "$tmp/out"
}

for f in $files; do
    f=$(basename "$f")
    base=${f%.go}
    record amd64 env
    cp "$tmp/out" "$base.out.txt"
    cp "$tmp/exit" "$base.exit.txt"
    if command -v qemu-aarch64 >/dev/null 2>&1; then
        record arm64 qemu-aarch64
        if cmp -s "$tmp/out" "$base.out.txt" && cmp -s "$tmp/exit" "$base.exit.txt"; then
            rm -f "$base.arm64.out.txt" "$base.arm64.exit.txt"
        else
            cp "$tmp/out" "$base.arm64.out.txt"
            cp "$tmp/exit" "$base.arm64.exit.txt"
        fi
    fi
done
