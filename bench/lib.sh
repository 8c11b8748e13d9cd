# bench/lib.sh - what bench/run, bench/escape and bench/pgo share (sourced, not run).

# go_count_variant SRC DST: SRC with its main renamed and a new main that
# prints runtime.MemStats.Mallocs spent in it ("mallocs N" on stderr), for
# counting Go's heap allocations the way MINIGO_MEMSTATS counts minigo's.
go_count_variant() {
	sed -e 's/^package main$/package main\n\nimport "runtime"/' -e 's/^func main() {$/func benchMain() {/' "$1" > "$2"
	cat >> "$2" <<'GO'

func main() {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	benchMain()
	runtime.ReadMemStats(&after)
	println("mallocs", after.Mallocs-before.Mallocs)
}
GO
}

# minigo_mallocs EXE: the heap allocations MINIGO_MEMSTATS=1 reports.
minigo_mallocs() {
	MINIGO_MEMSTATS=1 "$1" 2>&1 | sed -n 's/^memstats: mallocs=\([0-9]*\).*/\1/p'
}

# go_mallocs EXE: what a go_count_variant executable reports.
go_mallocs() {
	"$1" 2>&1 | sed -n 's/^mallocs \([0-9]*\)$/\1/p'
}

# require_tools SCRIPT [size]: exits, saying what is missing, unless $MINIGO,
# hyperfine, Go 1.19 at $GO and python3 (and binutils' size when asked) are here.
require_tools() {
	local missing=()
	[ -x "$MINIGO" ] || missing+=("$MINIGO (run: cargo build --release)")
	command -v hyperfine >/dev/null 2>&1 || missing+=("hyperfine (apt-get install hyperfine)")
	[ -x "$GO" ] || missing+=("Go 1.19 at $GO (apt-get install golang-1.19-go)")
	command -v python3 >/dev/null 2>&1 || missing+=("python3")
	if [ "${2:-}" = size ]; then
		command -v size >/dev/null 2>&1 || missing+=("size (apt-get install binutils)")
	fi
	if [ "${#missing[@]}" -gt 0 ]; then
		local m
		for m in "${missing[@]}"; do
			echo "$1: missing $m" >&2
		done
		exit 1
	fi
}
