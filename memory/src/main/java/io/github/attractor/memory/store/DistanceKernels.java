package io.github.attractor.memory.store;

/**
 * Manhattan distances {@code Σ_j |a_j - b_j|} between a query and a block of stored rows, on the SIMD kernels
 * of {@link VectorDistance} when the Vector API module is present (and {@code attractor.scalar} is not set),
 * otherwise on scalar loops with four partial sums (the JIT does not vectorise floating-point reductions).
 */
final class DistanceKernels {
    static final boolean VECTOR_API = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !Boolean.getBoolean("attractor.scalar");

    private static final int VECTOR_MIN = 16;

    private DistanceKernels() {
    }

    /** {@code out[outOff + r - r0] = -Σ_j |q_j - m[r*d + j]|} for rows {@code r0 <= r < r1}. */
    static void negManhattan(double[] q, int qOff, double[] m, int r0, int r1, int d, double[] out, int outOff) {
        if (VECTOR_API && d >= VECTOR_MIN) {
            VectorDistance.negManhattan(q, qOff, m, r0, r1, d, out, outOff);
            return;
        }
        for (int r = r0; r < r1; r++) {
            int p = r * d;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            int j = 0;
            for (; j + 3 < d; j += 4) {
                s0 += Math.abs(q[qOff + j] - m[p + j]);
                s1 += Math.abs(q[qOff + j + 1] - m[p + j + 1]);
                s2 += Math.abs(q[qOff + j + 2] - m[p + j + 2]);
                s3 += Math.abs(q[qOff + j + 3] - m[p + j + 3]);
            }
            for (; j < d; j++) {
                s0 += Math.abs(q[qOff + j] - m[p + j]);
            }
            out[outOff + r - r0] = -((s0 + s1) + (s2 + s3));
        }
    }

    /** float32 version (partial sums in float). */
    static void negManhattan(float[] q, int qOff, float[] m, int r0, int r1, int d, float[] out, int outOff) {
        if (VECTOR_API && d >= VECTOR_MIN) {
            VectorDistance.negManhattan(q, qOff, m, r0, r1, d, out, outOff);
            return;
        }
        for (int r = r0; r < r1; r++) {
            int p = r * d;
            float s0 = 0;
            float s1 = 0;
            float s2 = 0;
            float s3 = 0;
            int j = 0;
            for (; j + 3 < d; j += 4) {
                s0 += Math.abs(q[qOff + j] - m[p + j]);
                s1 += Math.abs(q[qOff + j + 1] - m[p + j + 1]);
                s2 += Math.abs(q[qOff + j + 2] - m[p + j + 2]);
                s3 += Math.abs(q[qOff + j + 3] - m[p + j + 3]);
            }
            for (; j < d; j++) {
                s0 += Math.abs(q[qOff + j] - m[p + j]);
            }
            out[outOff + r - r0] = -((s0 + s1) + (s2 + s3));
        }
    }
}
