package io.github.attractor.memory.ksoftmax;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD loops of {@link SsmSolver} on the JDK's Vector API ({@code jdk.incubator.vector}): the exponential of
 * a shifted row (the JIT maps {@code lanewise(EXP)} to a vector math routine, several times faster than
 * {@code Math.exp} per entry) and the logistic evaluations with their three sums accumulated in vector
 * registers. Only loaded when the module is in the boot layer ({@link Kernels#VECTOR_API}).
 */
final class VectorKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private VectorKernels() {
    }

    /** {@code t_i = e^{x_i - p}}; returns {@code Σ t_i}. */
    static double expShifted(double[] x, int off, int n, double p, double[] t) {
        for (int i = 0; i < n; i++) {
            t[i] = x[off + i] - p;
        }
        return expInPlace(t, n);
    }

    /** {@code t_i = e^{x_i - p}} for a float row (differences in double); returns {@code Σ t_i}. */
    static double expShifted(float[] x, int off, int n, double p, double[] t) {
        for (int i = 0; i < n; i++) {
            t[i] = x[off + i] - p;
        }
        return expInPlace(t, n);
    }

    private static double expInPlace(double[] t, int n) {
        int lanes = S.length();
        int bound = S.loopBound(n);
        DoubleVector acc = DoubleVector.zero(S);
        int i = 0;
        for (; i < bound; i += lanes) {
            DoubleVector e = DoubleVector.fromArray(S, t, i).lanewise(VectorOperators.EXP);
            e.intoArray(t, i);
            acc = acc.add(e);
        }
        double sum = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            double e = Math.exp(t[i]);
            t[i] = e;
            sum += e;
        }
        return sum;
    }

    /**
     * {@code s_i = u/(1+u)} with {@code u = t_i c}; {@code out = {Σ s, Σ 1/(1+u), Σ s/(1+u), Σ s(1-s)(1-2s)}}.
     */
    static void logisticOfProduct(double[] t, int n, double c, double[] s, double[] out) {
        int lanes = S.length();
        int bound = S.loopBound(n);
        DoubleVector cv = DoubleVector.broadcast(S, c);
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        DoubleVector fv = DoubleVector.zero(S);
        DoubleVector gv = fv;
        DoubleVector dv = fv;
        DoubleVector hv = fv;
        int i = 0;
        for (; i < bound; i += lanes) {
            DoubleVector u = DoubleVector.fromArray(S, t, i).mul(cv);
            DoubleVector r = one.div(u.add(one));
            DoubleVector si = u.mul(r);
            si.intoArray(s, i);
            fv = fv.add(si);
            gv = gv.add(r);
            DoubleVector a = si.mul(r);
            dv = dv.add(a);
            hv = a.fma(r.sub(si), hv);
        }
        double f = fv.reduceLanes(VectorOperators.ADD);
        double g = gv.reduceLanes(VectorOperators.ADD);
        double d = dv.reduceLanes(VectorOperators.ADD);
        double h = hv.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            double u = t[i] * c;
            double r = 1 / (1 + u);
            double si = u * r;
            s[i] = si;
            f += si;
            g += r;
            d += si * r;
            h += si * r * (r - si);
        }
        out[0] = f;
        out[1] = g;
        out[2] = d;
        out[3] = h;
    }

    /**
     * {@code s_i = σ(z_i + ν)} in the stable form ({@code e = e^{-|w|}}, {@code σ = 1/(1+e)} for
     * {@code w >= 0}, {@code e/(1+e)} otherwise); {@code out = {Σ σ, Σ (1-σ), Σ σ(1-σ), Σ σ(1-σ)(1-2σ)}}.
     */
    static void logisticOfSum(double[] z, int n, double nu, double[] s, double[] out) {
        int lanes = S.length();
        int bound = S.loopBound(n);
        DoubleVector nv = DoubleVector.broadcast(S, nu);
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        DoubleVector fv = DoubleVector.zero(S);
        DoubleVector gv = fv;
        DoubleVector dv = fv;
        DoubleVector hv = fv;
        int i = 0;
        for (; i < bound; i += lanes) {
            DoubleVector w = DoubleVector.fromArray(S, z, i).add(nv);
            DoubleVector e = w.abs().neg().lanewise(VectorOperators.EXP);
            DoubleVector q = one.div(e.add(one));
            DoubleVector small = e.mul(q);
            VectorMask<Double> nonNeg = w.compare(VectorOperators.GE, 0.0);
            DoubleVector si = small.blend(q, nonNeg);
            DoubleVector ri = q.blend(small, nonNeg);
            si.intoArray(s, i);
            fv = fv.add(si);
            gv = gv.add(ri);
            DoubleVector a = si.mul(ri);
            dv = dv.add(a);
            hv = a.fma(ri.sub(si), hv);
        }
        double f = fv.reduceLanes(VectorOperators.ADD);
        double g = gv.reduceLanes(VectorOperators.ADD);
        double d = dv.reduceLanes(VectorOperators.ADD);
        double h = hv.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            double w = z[i] + nu;
            double e = Math.exp(-Math.abs(w));
            double q = 1 / (1 + e);
            double small = e * q;
            double si = w >= 0 ? q : small;
            double ri = w >= 0 ? small : q;
            s[i] = si;
            f += si;
            g += ri;
            d += si * ri;
            h += si * ri * (ri - si);
        }
        out[0] = f;
        out[1] = g;
        out[2] = d;
        out[3] = h;
    }
}
