# bench/lib.sh - what bench/run and bench/escape share (sourced, not run).

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
