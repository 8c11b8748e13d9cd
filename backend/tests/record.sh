#!/bin/sh
# Records the goldens of backend/tests/programs/*.go (or of the files named)
# with Go 1.19: P.out.txt (stdout+stderr with GOTRACEBACK=none, the pc of a
# nil-dereference signal line normalized to pc=PC) and P.exit.txt.
set -eu
GO=${GO:-/usr/lib/go-1.19/bin/go}
cd "$(dirname "$0")/programs"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
files=${*:-*.go}
for f in $files; do
    f=$(basename "$f")
    base=${f%.go}
    GO111MODULE=off GOFLAGS= GOCACHE="$tmp/cache" "$GO" build -o "$tmp/$base" "$f"
    set +e
    GOTRACEBACK=none "$tmp/$base" > "$tmp/out" 2>&1
    echo $? > "$base.exit.txt"
    set -e
    sed 's/ pc=0x[0-9a-f]*]$/ pc=PC]/' "$tmp/out" > "$base.out.txt"
done
