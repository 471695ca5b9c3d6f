package io.github.attractor.memory.modern;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float32 softmax row of {@link Separation.Softmax} on the JDK's Vector API ({@code jdk.incubator.vector}):
 * {@code out_i = e^{β(s_i - m)} / Σ_j e^{β(s_j - m)}}, {@code m = max s}. Written by hand because the JIT
 * neither vectorises the max and sum reductions nor maps {@code Math.exp} to a vector routine, while
 * {@code lanewise(EXP)} is one (a softmax over 50,000 scores costs about a tenth of the scalar loop). The
 * exponentials and the row maximum are float; the sum is taken in four float vector accumulators (about
 * n/64 terms per lane, so a relative error near 1e-6 for n = 50,000) and their lanes are added in double.
 * Only loaded when the module is in the boot layer ({@link #VECTOR_API}).
 */
final class SoftmaxKernels {
    /** The Vector API module is present and {@code attractor.scalar} is not set. */
    static final boolean VECTOR_API = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !Boolean.getBoolean("attractor.scalar");

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private SoftmaxKernels() {
    }

    static void softmax(float[] s, int off, int n, float beta, float[] out, int outOff) {
        int lanes = S.length();
        int bound = S.loopBound(n);
        FloatVector mv = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
        int i = 0;
        for (; i < bound; i += lanes) {
            mv = mv.max(FloatVector.fromArray(S, s, off + i));
        }
        float max = mv.reduceLanes(VectorOperators.MAX);
        for (; i < n; i++) {
            max = Math.max(max, s[off + i]);
        }
        // e^{β s - β m}: one fused multiply-add per entry
        FloatVector bv = FloatVector.broadcast(S, beta);
        FloatVector shift = FloatVector.broadcast(S, -beta * max);
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        int bound4 = n - n % (4 * lanes);
        i = 0;
        for (; i < bound4; i += 4 * lanes) {
            FloatVector e0 = FloatVector.fromArray(S, s, off + i).fma(bv, shift).lanewise(VectorOperators.EXP);
            FloatVector e1 = FloatVector.fromArray(S, s, off + i + lanes).fma(bv, shift).lanewise(VectorOperators.EXP);
            FloatVector e2 = FloatVector.fromArray(S, s, off + i + 2 * lanes).fma(bv, shift).lanewise(VectorOperators.EXP);
            FloatVector e3 = FloatVector.fromArray(S, s, off + i + 3 * lanes).fma(bv, shift).lanewise(VectorOperators.EXP);
            e0.intoArray(out, outOff + i);
            e1.intoArray(out, outOff + i + lanes);
            e2.intoArray(out, outOff + i + 2 * lanes);
            e3.intoArray(out, outOff + i + 3 * lanes);
            a0 = a0.add(e0);
            a1 = a1.add(e1);
            a2 = a2.add(e2);
            a3 = a3.add(e3);
        }
        for (; i < bound; i += lanes) {
            FloatVector e = FloatVector.fromArray(S, s, off + i).fma(bv, shift).lanewise(VectorOperators.EXP);
            e.intoArray(out, outOff + i);
            a0 = a0.add(e);
        }
        double sum = 0;
        for (FloatVector a : new FloatVector[] {a0, a1, a2, a3}) {
            for (int l = 0; l < lanes; l++) {
                sum += a.lane(l);
            }
        }
        for (; i < n; i++) {
            float e = (float) Math.exp(Math.fma(beta, s[off + i], -beta * max));
            out[outOff + i] = e;
            sum += e;
        }
        FloatVector inv = FloatVector.broadcast(S, (float) (1 / sum));
        i = 0;
        for (; i < bound; i += lanes) {
            FloatVector.fromArray(S, out, outOff + i).mul(inv).intoArray(out, outOff + i);
        }
        float invS = (float) (1 / sum);
        for (; i < n; i++) {
            out[outOff + i] *= invS;
        }
    }
}
