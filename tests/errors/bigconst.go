// Untyped integer constants overflow beyond 512 bits (types2's "constant
// ... overflow" at the operator); huge untyped floats do not fit float64.
package main

const a = 1 << 511
const b = a * 2
const c = -(1 << 511) * 2
const d = ^(1 << 512)
const e = 1e1000 * 1e1000
const f = int64(e)
var g = float64(1e646456992)

const m = 1<<511 - 1 + 1<<511
const h = ^m
const s = m + 1
const t = -m - 2
const x = m ^ -m
const ok = m>>500 + -m>>500

func main() {}
