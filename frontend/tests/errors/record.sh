#!/usr/bin/env bash
# record.sh - records the golden P.out.txt of every P.go in this folder from
# Go 1.19: the compile errors of a plain `go build`, normalized as the
# conformance corpus does (lines starting with "# " dropped, "./P.go" -> "P.go").
#
# Usage: ./record.sh [P.go ...]     (default: every *.go here)
# Environment: GO, the Go 1.19 `go` command (default /usr/lib/go-1.19/bin/go).
#
# The files under minigo/ are programs Go accepts but minigo rejects (imports
# of the standard library, tier-2 features); their goldens are written by hand.
set -euo pipefail

DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
GO=${GO:-/usr/lib/go-1.19/bin/go}
export GO111MODULE=off GOFLAGS= LC_ALL=C
if [ -z "${GOCACHE:-}" ]; then
	GOCACHE=$(mktemp -d)
	trap 'rm -rf "$GOCACHE"' EXIT
fi
export GOCACHE

case "$("$GO" version)" in
*" go1.19"*) ;;
*) echo "record.sh: need Go 1.19" >&2; exit 1 ;;
esac

cd "$DIR"
files=("$@")
[ ${#files[@]} -gt 0 ] || files=(*.go)
for f in "${files[@]}"; do
	name=$(basename "$f" .go)
	out=$("$GO" build -o /dev/null "$name.go" 2>&1 || true)
	printf '%s\n' "$out" | { grep -v '^# ' || true; } |
		sed -E 's#(\./|/[^[:space:]:()]*/)([A-Za-z0-9_]+\.go)#\2#g' > "$name.out.txt"
	if [ ! -s "$name.out.txt" ] || [ "$(cat "$name.out.txt")" = "" ]; then
		echo "record.sh: $name.go compiles without errors" >&2
	fi
done
