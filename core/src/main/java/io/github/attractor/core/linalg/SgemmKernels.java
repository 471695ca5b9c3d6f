package io.github.attractor.core.linalg;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register micro-kernels of {@link Sgemm} on the JDK's Vector API ({@code jdk.incubator.vector}): an
 * {@value Sgemm#MR}-row by {@code nv}-vector tile of C ({@code nv = 1, 2, 3}, so up to 8 × 48 floats with
 * 512-bit vectors) kept in 8·nv vector registers for the whole K loop. One step of the loop loads nv vectors
 * of the packed B panel (one row of the panel, contiguous), broadcasts the 8 packed A values of that step
 * one by one, and issues 8·nv fused multiply-adds {@code c[r][v] += a[r] · b[v]}; the 24 accumulators of the
 * 8 × 3 kernel, the 3 B vectors and the broadcast register use 28 of AVX-512's 32 vector registers, and
 * each step needs 3 vector loads and 8 scalar broadcasts for 24 FMAs, so the kernel is bound by the FMA
 * units (about 110 GFLOPS on one Zen 4 core, within ~5 % of the core's peak of one 512-bit FMA per cycle).
 *
 * <p>Written out by hand per tile width: the JIT keeps {@code FloatVector} locals in registers only when
 * every operation on them is intrinsified and inlined, and it does not unroll a loop over an array of
 * vectors into registers. Only loaded when the module is in the boot layer ({@link MatVec#VECTOR_API}); they are
 * used only when {@link FloatVector#SPECIES_PREFERRED} has {@value Sgemm#LANES} float lanes (512 bits,
 * {@link #usable()}); with narrower vectors (AVX2: 16 registers, too few for the 24 accumulators) the
 * scalar kernel of {@link Sgemm} runs.
 */
final class SgemmKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private SgemmKernels() {
    }

    /** Whether the preferred species has {@value Sgemm#LANES} float lanes (the kernels and panel widths assume it). */
    static boolean usable() {
        return S.length() == Sgemm.LANES;
    }

    /**
     * {@code C[0:8, 0:16·nv] (+)= Ap · Bp} over {@code kc} steps, where {@code Ap} is a packed A panel
     * ({@code ap[ao + p·8 + r]}) and {@code Bp} a packed B panel ({@code bp[bo + p·ldb + j]}); the tile is
     * written at {@code c[co + r·ldc + j]}, added to what is there when {@code accumulate}.
     */
    static void tile(float[] ap, int ao, float[] bp, int bo, int ldb, int kc, int nv, float[] c, int co, int ldc,
            boolean accumulate) {
        switch (nv) {
            case 3 -> tile8x3(ap, ao, bp, bo, ldb, kc, c, co, ldc, accumulate);
            case 2 -> tile8x2(ap, ao, bp, bo, ldb, kc, c, co, ldc, accumulate);
            default -> tile8x1(ap, ao, bp, bo, ldb, kc, c, co, ldc, accumulate);
        }
    }

    private static void tile8x3(float[] ap, int ao, float[] bp, int bo, int ldb, int kc, float[] c, int co, int ldc,
            boolean accumulate) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = c00;
        FloatVector c02 = c00;
        FloatVector c10 = c00;
        FloatVector c11 = c00;
        FloatVector c12 = c00;
        FloatVector c20 = c00;
        FloatVector c21 = c00;
        FloatVector c22 = c00;
        FloatVector c30 = c00;
        FloatVector c31 = c00;
        FloatVector c32 = c00;
        FloatVector c40 = c00;
        FloatVector c41 = c00;
        FloatVector c42 = c00;
        FloatVector c50 = c00;
        FloatVector c51 = c00;
        FloatVector c52 = c00;
        FloatVector c60 = c00;
        FloatVector c61 = c00;
        FloatVector c62 = c00;
        FloatVector c70 = c00;
        FloatVector c71 = c00;
        FloatVector c72 = c00;
        for (int p = 0; p < kc; p++) {
            int b = bo + p * ldb;
            int a = ao + p * 8;
            FloatVector b0 = FloatVector.fromArray(S, bp, b);
            FloatVector b1 = FloatVector.fromArray(S, bp, b + 16);
            FloatVector b2 = FloatVector.fromArray(S, bp, b + 32);
            FloatVector x = FloatVector.broadcast(S, ap[a]);
            c00 = b0.fma(x, c00);
            c01 = b1.fma(x, c01);
            c02 = b2.fma(x, c02);
            x = FloatVector.broadcast(S, ap[a + 1]);
            c10 = b0.fma(x, c10);
            c11 = b1.fma(x, c11);
            c12 = b2.fma(x, c12);
            x = FloatVector.broadcast(S, ap[a + 2]);
            c20 = b0.fma(x, c20);
            c21 = b1.fma(x, c21);
            c22 = b2.fma(x, c22);
            x = FloatVector.broadcast(S, ap[a + 3]);
            c30 = b0.fma(x, c30);
            c31 = b1.fma(x, c31);
            c32 = b2.fma(x, c32);
            x = FloatVector.broadcast(S, ap[a + 4]);
            c40 = b0.fma(x, c40);
            c41 = b1.fma(x, c41);
            c42 = b2.fma(x, c42);
            x = FloatVector.broadcast(S, ap[a + 5]);
            c50 = b0.fma(x, c50);
            c51 = b1.fma(x, c51);
            c52 = b2.fma(x, c52);
            x = FloatVector.broadcast(S, ap[a + 6]);
            c60 = b0.fma(x, c60);
            c61 = b1.fma(x, c61);
            c62 = b2.fma(x, c62);
            x = FloatVector.broadcast(S, ap[a + 7]);
            c70 = b0.fma(x, c70);
            c71 = b1.fma(x, c71);
            c72 = b2.fma(x, c72);
        }
        // Written out row by row (a helper taking vectors would box them when it is not inlined).
        int o = co;
        if (accumulate) {
            c00 = c00.add(FloatVector.fromArray(S, c, o));
            c01 = c01.add(FloatVector.fromArray(S, c, o + 16));
            c02 = c02.add(FloatVector.fromArray(S, c, o + 32));
        }
        c00.intoArray(c, o);
        c01.intoArray(c, o + 16);
        c02.intoArray(c, o + 32);
        o += ldc;
        if (accumulate) {
            c10 = c10.add(FloatVector.fromArray(S, c, o));
            c11 = c11.add(FloatVector.fromArray(S, c, o + 16));
            c12 = c12.add(FloatVector.fromArray(S, c, o + 32));
        }
        c10.intoArray(c, o);
        c11.intoArray(c, o + 16);
        c12.intoArray(c, o + 32);
        o += ldc;
        if (accumulate) {
            c20 = c20.add(FloatVector.fromArray(S, c, o));
            c21 = c21.add(FloatVector.fromArray(S, c, o + 16));
            c22 = c22.add(FloatVector.fromArray(S, c, o + 32));
        }
        c20.intoArray(c, o);
        c21.intoArray(c, o + 16);
        c22.intoArray(c, o + 32);
        o += ldc;
        if (accumulate) {
            c30 = c30.add(FloatVector.fromArray(S, c, o));
            c31 = c31.add(FloatVector.fromArray(S, c, o + 16));
            c32 = c32.add(FloatVector.fromArray(S, c, o + 32));
        }
        c30.intoArray(c, o);
        c31.intoArray(c, o + 16);
        c32.intoArray(c, o + 32);
        o += ldc;
        if (accumulate) {
            c40 = c40.add(FloatVector.fromArray(S, c, o));
            c41 = c41.add(FloatVector.fromArray(S, c, o + 16));
            c42 = c42.add(FloatVector.fromArray(S, c, o + 32));
        }
        c40.intoArray(c, o);
        c41.intoArray(c, o + 16);
        c42.intoArray(c, o + 32);
        o += ldc;
        if (accumulate) {
            c50 = c50.add(FloatVector.fromArray(S, c, o));
            c51 = c51.add(FloatVector.fromArray(S, c, o + 16));
            c52 = c52.add(FloatVector.fromArray(S, c, o + 32));
        }
        c50.intoArray(c, o);
        c51.intoArray(c, o + 16);
        c52.intoArray(c, o + 32);
        o += ldc;
        if (accumulate) {
            c60 = c60.add(FloatVector.fromArray(S, c, o));
            c61 = c61.add(FloatVector.fromArray(S, c, o + 16));
            c62 = c62.add(FloatVector.fromArray(S, c, o + 32));
        }
        c60.intoArray(c, o);
        c61.intoArray(c, o + 16);
        c62.intoArray(c, o + 32);
        o += ldc;
        if (accumulate) {
            c70 = c70.add(FloatVector.fromArray(S, c, o));
            c71 = c71.add(FloatVector.fromArray(S, c, o + 16));
            c72 = c72.add(FloatVector.fromArray(S, c, o + 32));
        }
        c70.intoArray(c, o);
        c71.intoArray(c, o + 16);
        c72.intoArray(c, o + 32);
    }

    private static void tile8x2(float[] ap, int ao, float[] bp, int bo, int ldb, int kc, float[] c, int co, int ldc,
            boolean accumulate) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = c00;
        FloatVector c10 = c00;
        FloatVector c11 = c00;
        FloatVector c20 = c00;
        FloatVector c21 = c00;
        FloatVector c30 = c00;
        FloatVector c31 = c00;
        FloatVector c40 = c00;
        FloatVector c41 = c00;
        FloatVector c50 = c00;
        FloatVector c51 = c00;
        FloatVector c60 = c00;
        FloatVector c61 = c00;
        FloatVector c70 = c00;
        FloatVector c71 = c00;
        for (int p = 0; p < kc; p++) {
            int b = bo + p * ldb;
            int a = ao + p * 8;
            FloatVector b0 = FloatVector.fromArray(S, bp, b);
            FloatVector b1 = FloatVector.fromArray(S, bp, b + 16);
            FloatVector x = FloatVector.broadcast(S, ap[a]);
            c00 = b0.fma(x, c00);
            c01 = b1.fma(x, c01);
            x = FloatVector.broadcast(S, ap[a + 1]);
            c10 = b0.fma(x, c10);
            c11 = b1.fma(x, c11);
            x = FloatVector.broadcast(S, ap[a + 2]);
            c20 = b0.fma(x, c20);
            c21 = b1.fma(x, c21);
            x = FloatVector.broadcast(S, ap[a + 3]);
            c30 = b0.fma(x, c30);
            c31 = b1.fma(x, c31);
            x = FloatVector.broadcast(S, ap[a + 4]);
            c40 = b0.fma(x, c40);
            c41 = b1.fma(x, c41);
            x = FloatVector.broadcast(S, ap[a + 5]);
            c50 = b0.fma(x, c50);
            c51 = b1.fma(x, c51);
            x = FloatVector.broadcast(S, ap[a + 6]);
            c60 = b0.fma(x, c60);
            c61 = b1.fma(x, c61);
            x = FloatVector.broadcast(S, ap[a + 7]);
            c70 = b0.fma(x, c70);
            c71 = b1.fma(x, c71);
        }
        int o = co;
        if (accumulate) {
            c00 = c00.add(FloatVector.fromArray(S, c, o));
            c01 = c01.add(FloatVector.fromArray(S, c, o + 16));
        }
        c00.intoArray(c, o);
        c01.intoArray(c, o + 16);
        o += ldc;
        if (accumulate) {
            c10 = c10.add(FloatVector.fromArray(S, c, o));
            c11 = c11.add(FloatVector.fromArray(S, c, o + 16));
        }
        c10.intoArray(c, o);
        c11.intoArray(c, o + 16);
        o += ldc;
        if (accumulate) {
            c20 = c20.add(FloatVector.fromArray(S, c, o));
            c21 = c21.add(FloatVector.fromArray(S, c, o + 16));
        }
        c20.intoArray(c, o);
        c21.intoArray(c, o + 16);
        o += ldc;
        if (accumulate) {
            c30 = c30.add(FloatVector.fromArray(S, c, o));
            c31 = c31.add(FloatVector.fromArray(S, c, o + 16));
        }
        c30.intoArray(c, o);
        c31.intoArray(c, o + 16);
        o += ldc;
        if (accumulate) {
            c40 = c40.add(FloatVector.fromArray(S, c, o));
            c41 = c41.add(FloatVector.fromArray(S, c, o + 16));
        }
        c40.intoArray(c, o);
        c41.intoArray(c, o + 16);
        o += ldc;
        if (accumulate) {
            c50 = c50.add(FloatVector.fromArray(S, c, o));
            c51 = c51.add(FloatVector.fromArray(S, c, o + 16));
        }
        c50.intoArray(c, o);
        c51.intoArray(c, o + 16);
        o += ldc;
        if (accumulate) {
            c60 = c60.add(FloatVector.fromArray(S, c, o));
            c61 = c61.add(FloatVector.fromArray(S, c, o + 16));
        }
        c60.intoArray(c, o);
        c61.intoArray(c, o + 16);
        o += ldc;
        if (accumulate) {
            c70 = c70.add(FloatVector.fromArray(S, c, o));
            c71 = c71.add(FloatVector.fromArray(S, c, o + 16));
        }
        c70.intoArray(c, o);
        c71.intoArray(c, o + 16);
    }

    private static void tile8x1(float[] ap, int ao, float[] bp, int bo, int ldb, int kc, float[] c, int co, int ldc,
            boolean accumulate) {
        FloatVector c0 = FloatVector.zero(S);
        FloatVector c1 = c0;
        FloatVector c2 = c0;
        FloatVector c3 = c0;
        FloatVector c4 = c0;
        FloatVector c5 = c0;
        FloatVector c6 = c0;
        FloatVector c7 = c0;
        for (int p = 0; p < kc; p++) {
            int a = ao + p * 8;
            FloatVector b0 = FloatVector.fromArray(S, bp, bo + p * ldb);
            c0 = b0.fma(FloatVector.broadcast(S, ap[a]), c0);
            c1 = b0.fma(FloatVector.broadcast(S, ap[a + 1]), c1);
            c2 = b0.fma(FloatVector.broadcast(S, ap[a + 2]), c2);
            c3 = b0.fma(FloatVector.broadcast(S, ap[a + 3]), c3);
            c4 = b0.fma(FloatVector.broadcast(S, ap[a + 4]), c4);
            c5 = b0.fma(FloatVector.broadcast(S, ap[a + 5]), c5);
            c6 = b0.fma(FloatVector.broadcast(S, ap[a + 6]), c6);
            c7 = b0.fma(FloatVector.broadcast(S, ap[a + 7]), c7);
        }
        if (accumulate) {
            c0 = c0.add(FloatVector.fromArray(S, c, co));
            c1 = c1.add(FloatVector.fromArray(S, c, co + ldc));
            c2 = c2.add(FloatVector.fromArray(S, c, co + 2 * ldc));
            c3 = c3.add(FloatVector.fromArray(S, c, co + 3 * ldc));
            c4 = c4.add(FloatVector.fromArray(S, c, co + 4 * ldc));
            c5 = c5.add(FloatVector.fromArray(S, c, co + 5 * ldc));
            c6 = c6.add(FloatVector.fromArray(S, c, co + 6 * ldc));
            c7 = c7.add(FloatVector.fromArray(S, c, co + 7 * ldc));
        }
        c0.intoArray(c, co);
        c1.intoArray(c, co + ldc);
        c2.intoArray(c, co + 2 * ldc);
        c3.intoArray(c, co + 3 * ldc);
        c4.intoArray(c, co + 4 * ldc);
        c5.intoArray(c, co + 5 * ldc);
        c6.intoArray(c, co + 6 * ldc);
        c7.intoArray(c, co + 7 * ldc);
    }
}
