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

    /** {@code t_i ← e^{t_i}} for {@code i < n}; returns {@code Σ t_i}. */
    static double expInPlace(double[] t, int n) {
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
     * {@code s_i = u/(1+u)} with {@code u = t_i c}, {@code r_i = 1 - s_i = 1/(1+u)};
     * {@code out = {Σ s, Σ s r², Σ s² r}}.
     */
    static void logisticOfProduct(double[] t, int n, double c, double[] s, double[] out) {
        int lanes = S.length();
        int bound = S.loopBound(n);
        DoubleVector cv = DoubleVector.broadcast(S, c);
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        DoubleVector fv = DoubleVector.zero(S);
        DoubleVector pv = fv;
        DoubleVector qv = fv;
        int i = 0;
        for (; i < bound; i += lanes) {
            DoubleVector u = DoubleVector.fromArray(S, t, i).mul(cv);
            DoubleVector r = one.div(u.add(one));
            DoubleVector si = u.mul(r);
            si.intoArray(s, i);
            DoubleVector a = si.mul(r);
            fv = fv.add(si);
            pv = a.fma(r, pv);
            qv = a.fma(si, qv);
        }
        double f = fv.reduceLanes(VectorOperators.ADD);
        double p = pv.reduceLanes(VectorOperators.ADD);
        double q = qv.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            double u = t[i] * c;
            double r = 1 / (1 + u);
            double si = u * r;
            s[i] = si;
            double a = si * r;
            f += si;
            p += a * r;
            q += a * si;
        }
        out[0] = f;
        out[1] = p;
        out[2] = q;
    }

    /**
     * {@code s_i = σ(z_i + ν)} in the stable form ({@code e = e^{-|w|}}, {@code σ = 1/(1+e)} for
     * {@code w >= 0}, {@code e/(1+e)} otherwise), {@code r_i = 1 - s_i} likewise;
     * {@code out = {Σ s, Σ s r², Σ s² r}}.
     */
    static void logisticOfSum(double[] z, int n, double nu, double[] s, double[] out) {
        int lanes = S.length();
        int bound = S.loopBound(n);
        DoubleVector nv = DoubleVector.broadcast(S, nu);
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        DoubleVector fv = DoubleVector.zero(S);
        DoubleVector pv = fv;
        DoubleVector qv = fv;
        int i = 0;
        for (; i < bound; i += lanes) {
            DoubleVector w = DoubleVector.fromArray(S, z, i).add(nv);
            DoubleVector e = w.abs().neg().lanewise(VectorOperators.EXP);
            DoubleVector big = one.div(e.add(one));
            DoubleVector small = e.mul(big);
            VectorMask<Double> nonNeg = w.compare(VectorOperators.GE, 0.0);
            DoubleVector si = small.blend(big, nonNeg);
            DoubleVector ri = big.blend(small, nonNeg);
            si.intoArray(s, i);
            DoubleVector a = si.mul(ri);
            fv = fv.add(si);
            pv = a.fma(ri, pv);
            qv = a.fma(si, qv);
        }
        double f = fv.reduceLanes(VectorOperators.ADD);
        double p = pv.reduceLanes(VectorOperators.ADD);
        double q = qv.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            double w = z[i] + nu;
            double e = Math.exp(-Math.abs(w));
            double big = 1 / (1 + e);
            double small = e * big;
            double si = w >= 0 ? big : small;
            double ri = w >= 0 ? small : big;
            s[i] = si;
            double a = si * ri;
            f += si;
            p += a * ri;
            q += a * si;
        }
        out[0] = f;
        out[1] = p;
        out[2] = q;
    }
}
