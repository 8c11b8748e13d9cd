# Shared by record.sh and check.sh (POSIX sh). Runs one test program and
# prints its normalized output: combined stdout+stderr, then "[rc=N]".
# Normalization removes what cannot match between Go and minigo:
#   pc=0x...                     -> pc=0xPC   (the [signal ...] line)
#   panic: (T) 0x...             -> panic: (T) 0xADDR (heap addresses)
#   traceback frame locations    -> <tab>FRAME

# RUN: optional emulator prefix for cross-built binaries (e.g. qemu-aarch64 -L ...)
RUN=${RUN:-}

mg_norm() {
    sed -e 's/pc=0x[0-9a-f]*/pc=0xPC/g' \
        -e 's/^\(panic: ([^)]*)\) 0x[0-9a-f]*$/\1 0xADDR/' \
        -e 's/^	.*/	FRAME/'
}

# mg_run TMPFILE BINARY ARGS...  (environment as set by the caller)
mg_run() {
    _f=$1
    shift
    _rc=0
    $RUN "$@" >"$_f" 2>&1 || _rc=$?
    mg_norm <"$_f"
    printf '\n[rc=%d]\n' "$_rc"
}

# mg_frames: each goroutine's frames in a traceback -> one <tab>FRAMES line
# (the C drivers link no function table, so minigo prints no frames for
# them; Go names the real ones, "created by" lines included)
mg_frames() {
    awk '/^goroutine [0-9]+ \[.*\]:$/ { print; print "\tFRAMES"; skip = 1; next }
         skip && $0 == "" { skip = 0 }
         !skip { print }'
}

# The failure cases of goroutines ($MG_CASE); run with GOTRACEBACK unset
# (and the first deadlock also with none).
MG_GOROUTINE_CASES="sendclosed sendclosedwait selectsendclosed closeclosed closenil
makechanneg makechanbig gpanic deadrecv deadsend deadnilrecv deadnilsend deadselect
deadselectnone deadmany deadgoroutine"

# mg_suite DIR NAME TMPFILE: the whole expected text for program NAME built in DIR
mg_suite() {
    _d=$1
    _n=$2
    _t=$3
    case $_n in
    panics)
        while read -r _c; do
            echo "== $_c GOTRACEBACK=none"
            GOTRACEBACK=none mg_run "$_t" "$_d/$_n" "$_c"
        done <"$MG_HERE/panics.cases"
        for _c in index pstring nil; do
            for _tb in unset 0 1 single all bogus -1; do
                echo "== $_c GOTRACEBACK=$_tb"
                if [ "$_tb" = unset ]; then
                    (unset GOTRACEBACK; mg_run "$_t" "$_d/$_n" "$_c")
                else
                    GOTRACEBACK=$_tb mg_run "$_t" "$_d/$_n" "$_c"
                fi
            done
        done
        ;;
    goroutines)
        # one P, as this runtime schedules (Go's order with GOMAXPROCS=1)
        echo "== all"
        (unset GOTRACEBACK MG_CASE; GOMAXPROCS=1 mg_run "$_t" "$_d/$_n")
        for _c in $MG_GOROUTINE_CASES; do
            echo "== $_c"
            (unset GOTRACEBACK; GOMAXPROCS=1 MG_CASE=$_c mg_run "$_t" "$_d/$_n") | mg_frames
        done
        echo "== deadrecv GOTRACEBACK=none"
        GOTRACEBACK=none GOMAXPROCS=1 MG_CASE=deadrecv mg_run "$_t" "$_d/$_n"
        ;;
    *)
        (unset GOTRACEBACK; mg_run "$_t" "$_d/$_n")
        ;;
    esac
}
