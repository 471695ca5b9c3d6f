package io.github.attractor.memory.store;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD Manhattan distances on the Vector API: two stored rows per pass, so each loaded query slice serves
 * both, with vector partial sums of {@code |q - m|} and one lane reduction per row. Only loaded when the
 * module is in the boot layer ({@link DistanceKernels#VECTOR_API}).
 */
final class VectorDistance {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    private VectorDistance() {
    }

    static void negManhattan(double[] q, int qOff, double[] m, int r0, int r1, int d, double[] out, int outOff) {
        int lanes = D.length();
        int bound = D.loopBound(d);
        int r = r0;
        for (; r + 1 < r1; r += 2) {
            int p0 = r * d;
            int p1 = p0 + d;
            DoubleVector a0 = DoubleVector.zero(D);
            DoubleVector a1 = a0;
            int j = 0;
            for (; j < bound; j += lanes) {
                DoubleVector qv = DoubleVector.fromArray(D, q, qOff + j);
                a0 = a0.add(qv.sub(DoubleVector.fromArray(D, m, p0 + j)).abs());
                a1 = a1.add(qv.sub(DoubleVector.fromArray(D, m, p1 + j)).abs());
            }
            double s0 = a0.reduceLanes(VectorOperators.ADD);
            double s1 = a1.reduceLanes(VectorOperators.ADD);
            for (; j < d; j++) {
                s0 += Math.abs(q[qOff + j] - m[p0 + j]);
                s1 += Math.abs(q[qOff + j] - m[p1 + j]);
            }
            out[outOff + r - r0] = -s0;
            out[outOff + r + 1 - r0] = -s1;
        }
        for (; r < r1; r++) {
            int p = r * d;
            DoubleVector a = DoubleVector.zero(D);
            int j = 0;
            for (; j < bound; j += lanes) {
                a = a.add(DoubleVector.fromArray(D, q, qOff + j).sub(DoubleVector.fromArray(D, m, p + j)).abs());
            }
            double s = a.reduceLanes(VectorOperators.ADD);
            for (; j < d; j++) {
                s += Math.abs(q[qOff + j] - m[p + j]);
            }
            out[outOff + r - r0] = -s;
        }
    }

    static void negManhattan(float[] q, int qOff, float[] m, int r0, int r1, int d, float[] out, int outOff) {
        int lanes = F.length();
        int bound = F.loopBound(d);
        int r = r0;
        for (; r + 1 < r1; r += 2) {
            int p0 = r * d;
            int p1 = p0 + d;
            FloatVector a0 = FloatVector.zero(F);
            FloatVector a1 = a0;
            int j = 0;
            for (; j < bound; j += lanes) {
                FloatVector qv = FloatVector.fromArray(F, q, qOff + j);
                a0 = a0.add(qv.sub(FloatVector.fromArray(F, m, p0 + j)).abs());
                a1 = a1.add(qv.sub(FloatVector.fromArray(F, m, p1 + j)).abs());
            }
            float s0 = a0.reduceLanes(VectorOperators.ADD);
            float s1 = a1.reduceLanes(VectorOperators.ADD);
            for (; j < d; j++) {
                s0 += Math.abs(q[qOff + j] - m[p0 + j]);
                s1 += Math.abs(q[qOff + j] - m[p1 + j]);
            }
            out[outOff + r - r0] = -s0;
            out[outOff + r + 1 - r0] = -s1;
        }
        for (; r < r1; r++) {
            int p = r * d;
            FloatVector a = FloatVector.zero(F);
            int j = 0;
            for (; j < bound; j += lanes) {
                a = a.add(FloatVector.fromArray(F, q, qOff + j).sub(FloatVector.fromArray(F, m, p + j)).abs());
            }
            float s = a.reduceLanes(VectorOperators.ADD);
            for (; j < d; j++) {
                s += Math.abs(q[qOff + j] - m[p + j]);
            }
            out[outOff + r - r0] = -s;
        }
    }
}
