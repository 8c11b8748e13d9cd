/* complex.c: complex division as Go 1.19's runtime does it
 * (complex128div in complex.go): Smith's algorithm, with C99's corrections
 * to infinities and zeros when it gives NaN for both parts. complex64
 * operands are widened by the compiled code and the result narrowed.
 */
#include <math.h>

#include "internal.h"

static double inf_to_one(double f) { return copysign(isinf(f) ? 1.0 : 0.0, f); }

void minigo_complex128div(double a, double b, double c, double d, double *out)
{
    double e, f;
    if (fabs(c) >= fabs(d)) {
        double ratio = d / c;
        double denom = c + ratio * d;
        e = (a + b * ratio) / denom;
        f = (b - a * ratio) / denom;
    } else {
        double ratio = c / d;
        double denom = d + ratio * c;
        e = (a * ratio + b) / denom;
        f = (b * ratio - a) / denom;
    }
    if (isnan(e) && isnan(f)) {
        if (c == 0 && d == 0 && (!isnan(a) || !isnan(b))) {
            e = copysign(INFINITY, c) * a;
            f = copysign(INFINITY, c) * b;
        } else if ((isinf(a) || isinf(b)) && isfinite(c) && isfinite(d)) {
            a = inf_to_one(a);
            b = inf_to_one(b);
            e = INFINITY * (a * c + b * d);
            f = INFINITY * (b * c - a * d);
        } else if ((isinf(c) || isinf(d)) && isfinite(a) && isfinite(b)) {
            c = inf_to_one(c);
            d = inf_to_one(d);
            e = 0 * (a * c + b * d);
            f = 0 * (b * c - a * d);
        }
    }
    out[0] = e;
    out[1] = f;
}
