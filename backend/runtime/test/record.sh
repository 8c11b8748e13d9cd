#!/bin/sh
# Re-records the goldens (*.golden) from Go 1.19. Needs /usr/lib/go-1.19/bin/go;
# check.sh does not. Usage: sh record.sh
set -eu
MG_HERE=$(cd "$(dirname "$0")" && pwd)
. "$MG_HERE/lib.sh"
GO=${GO:-/usr/lib/go-1.19/bin/go}
"$GO" version | grep -q 'go1\.19' || { echo "record.sh: need Go 1.19 ($GO)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for p in print slices strings panics goroutines; do
    cp "$MG_HERE/$p.go" "$tmp/$p.go"
    (cd "$tmp" && GO111MODULE=off GOFLAGS= "$GO" build -o "$tmp/$p" "$p.go")
    mg_suite "$tmp" "$p" "$tmp/out" >"$MG_HERE/$p.golden"
    echo "recorded $p.golden"
done
