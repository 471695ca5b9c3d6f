package io.github.attractor.core.linalg;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD parts of {@link Sgemm} on the JDK's Vector API ({@code jdk.incubator.vector}): the register
 * micro-kernels, the 16 × 16 transpose that packs Bᵀ, and the panel copy that packs B.
 *
 * <p>A micro-kernel keeps an {@value Sgemm#MR}-row by {@code nv}-vector tile of C ({@code nv = 1, 2, 3}, so up
 * to 8 × 48 floats with 512-bit vectors) in 8·nv vector registers for a whole block of K. One step of its loop
 * loads nv vectors of the packed B panel (one row of the panel, contiguous), broadcasts the 8 entries of A at
 * that step (one from each of 8 rows of A, read in place) and issues 8·nv fused multiply-adds
 * {@code c[r][v] += a[r] · b[v]}. The 24 accumulators of the 8 × 3 kernel, the 3 B vectors and the broadcast
 * register take 28 of AVX-512's 32 vector registers, and a step needs 3 vector loads and 8 broadcasts for 24
 * FMAs, so the kernel is bound by the FMA unit: about 110 GFLOPS on one Zen 4 core with its data in cache,
 * against a peak of one 512-bit FMA per cycle.
 *
 * <p>Written out by hand per tile width: the JIT keeps {@code FloatVector} locals in registers only when every
 * operation on them is intrinsified and inlined (a helper method taking vectors, or an array of vectors,
 * boxes them: ten times slower), and it does not unroll a loop over vectors into registers. Only loaded when
 * the module is in the boot layer ({@link MatVec#VECTOR_API}); used only when
 * {@link FloatVector#SPECIES_PREFERRED} has {@value Sgemm#LANES} float lanes ({@link #usable()}): with
 * narrower vectors (AVX2 has 16 registers, too few for 24 accumulators) the scalar kernel of {@link Sgemm}
 * runs.
 */
final class SgemmKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    // The 16 × 16 transpose: stage s swaps bit s of the row and the column index of every element, lane L of
    // row i taking lane L ± 2^s of row i ± 2^s. Single-source rearranges and blends with constant shuffles
    // and masks: the two-source rearrange of Java 17 is not compiled to SIMD code.
    private static final VectorShuffle<Float> DOWN1 = shift(1, -1);
    private static final VectorShuffle<Float> DOWN2 = shift(2, -1);
    private static final VectorShuffle<Float> DOWN4 = shift(4, -1);
    private static final VectorShuffle<Float> DOWN8 = shift(8, -1);
    private static final VectorShuffle<Float> UP1 = shift(1, 1);
    private static final VectorShuffle<Float> UP2 = shift(2, 1);
    private static final VectorShuffle<Float> UP4 = shift(4, 1);
    private static final VectorShuffle<Float> UP8 = shift(8, 1);
    private static final VectorMask<Float> BIT1 = bit(1);
    private static final VectorMask<Float> BIT2 = bit(2);
    private static final VectorMask<Float> BIT4 = bit(4);
    private static final VectorMask<Float> BIT8 = bit(8);

    /**
     * The kernels {@code tile8x1}, {@code tile8x2}, {@code tile8x3} and {@link #transpose16}, called through
     * method handles loaded from an array, never directly. Why: a direct call from JIT-compiled code to a
     * kernel that was not yet compiled when the caller was sometimes stays bound to the interpreter for the
     * life of the JVM in Java 17 (seen in 9 of 24 JVM starts of a test program on the benchmark machine, the
     * kernel then running about 100 times slower, interpreted, with every vector boxed; 0 of 24 through a
     * method handle). A handle that is not a compile-time constant (array elements are not) is invoked
     * through the method's current entry point on every call, at a cost of a few nanoseconds against the
     * microseconds of a kernel call.
     */
    private static final MethodHandle[] TILES;
    private static final MethodHandle[] TRANSPOSE;
    private static final MethodHandle[] COPY;

    static {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        MethodType tileType = MethodType.methodType(void.class, float[].class, int.class, int.class, float[].class,
                int.class, int.class, int.class, float[].class, int.class, int.class, boolean.class);
        MethodType transposeType = MethodType.methodType(void.class, float[].class, int.class, int.class,
                float[].class, int.class, int.class);
        try {
            TILES = new MethodHandle[] {lookup.findStatic(SgemmKernels.class, "tile8x1", tileType),
                lookup.findStatic(SgemmKernels.class, "tile8x2", tileType),
                lookup.findStatic(SgemmKernels.class, "tile8x3", tileType)};
            TRANSPOSE = new MethodHandle[] {lookup.findStatic(SgemmKernels.class, "transpose16x16", transposeType)};
            COPY = new MethodHandle[] {lookup.findStatic(SgemmKernels.class, "copyRows48", MethodType.methodType(
                    void.class, float[].class, int.class, int.class, float[].class, int.class, int.class))};
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private SgemmKernels() {
    }

    /** Lane L takes lane L - b where L has bit b (sign -1), or lane L + b where it has not (sign +1). */
    private static VectorShuffle<Float> shift(int b, int sign) {
        int[] idx = new int[S.length()];
        for (int lane = 0; lane < idx.length; lane++) {
            boolean set = (lane & b) != 0;
            idx[lane] = sign < 0 ? (set ? lane - b : lane) : (set ? lane : lane + b);
        }
        return VectorShuffle.fromArray(S, idx, 0);
    }

    /** The lanes that have bit b. */
    private static VectorMask<Float> bit(int b) {
        boolean[] m = new boolean[S.length()];
        for (int lane = 0; lane < m.length; lane++) {
            m[lane] = (lane & b) != 0;
        }
        return VectorMask.fromArray(S, m, 0);
    }

    /**
     * Transposes a 16 × 16 block: {@code out[dst + q·ldo + r] = in[src + r·ldi + q]} for r, q in [0, 16), with 16
     * vector loads, 64 single-source rearranges, 64 blends and 16 vector stores (a third of the time of the
     * scalar copy, which is bound by its one load and one store per float).
     */
    static void transpose16(float[] in, int src, int ldi, float[] out, int dst, int ldo) {
        try {
            TRANSPOSE[0].invokeExact(in, src, ldi, out, dst, ldo);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Copies {@code rows} rows of 48 floats, {@code in[src + p·ldi + j] → out[dst + p·48 + j]}, with three vector
     * loads and stores per row (a fifth faster than {@link System#arraycopy} for rows this short).
     */
    static void copyPanel(float[] in, int src, int ldi, float[] out, int dst, int rows) {
        try {
            COPY[0].invokeExact(in, src, ldi, out, dst, rows);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyRows48(float[] in, int src, int ldi, float[] out, int dst, int rows) {
        for (int p = 0; p < rows; p++) {
            int i = src + p * ldi;
            int o = dst + p * 48;
            FloatVector.fromArray(S, in, i).intoArray(out, o);
            FloatVector.fromArray(S, in, i + 16).intoArray(out, o + 16);
            FloatVector.fromArray(S, in, i + 32).intoArray(out, o + 32);
        }
    }

    private static void transpose16x16(float[] in, int src, int ldi, float[] out, int dst, int ldo) {
        FloatVector v0 = FloatVector.fromArray(S, in, src);
        FloatVector v1 = FloatVector.fromArray(S, in, src + ldi);
        FloatVector v2 = FloatVector.fromArray(S, in, src + 2 * ldi);
        FloatVector v3 = FloatVector.fromArray(S, in, src + 3 * ldi);
        FloatVector v4 = FloatVector.fromArray(S, in, src + 4 * ldi);
        FloatVector v5 = FloatVector.fromArray(S, in, src + 5 * ldi);
        FloatVector v6 = FloatVector.fromArray(S, in, src + 6 * ldi);
        FloatVector v7 = FloatVector.fromArray(S, in, src + 7 * ldi);
        FloatVector v8 = FloatVector.fromArray(S, in, src + 8 * ldi);
        FloatVector v9 = FloatVector.fromArray(S, in, src + 9 * ldi);
        FloatVector v10 = FloatVector.fromArray(S, in, src + 10 * ldi);
        FloatVector v11 = FloatVector.fromArray(S, in, src + 11 * ldi);
        FloatVector v12 = FloatVector.fromArray(S, in, src + 12 * ldi);
        FloatVector v13 = FloatVector.fromArray(S, in, src + 13 * ldi);
        FloatVector v14 = FloatVector.fromArray(S, in, src + 14 * ldi);
        FloatVector v15 = FloatVector.fromArray(S, in, src + 15 * ldi);
        // bit 0: rows (i, i+1)
        FloatVector w0 = v0.blend(v1.rearrange(DOWN1), BIT1);
        FloatVector w1 = v0.rearrange(UP1).blend(v1, BIT1);
        FloatVector w2 = v2.blend(v3.rearrange(DOWN1), BIT1);
        FloatVector w3 = v2.rearrange(UP1).blend(v3, BIT1);
        FloatVector w4 = v4.blend(v5.rearrange(DOWN1), BIT1);
        FloatVector w5 = v4.rearrange(UP1).blend(v5, BIT1);
        FloatVector w6 = v6.blend(v7.rearrange(DOWN1), BIT1);
        FloatVector w7 = v6.rearrange(UP1).blend(v7, BIT1);
        FloatVector w8 = v8.blend(v9.rearrange(DOWN1), BIT1);
        FloatVector w9 = v8.rearrange(UP1).blend(v9, BIT1);
        FloatVector w10 = v10.blend(v11.rearrange(DOWN1), BIT1);
        FloatVector w11 = v10.rearrange(UP1).blend(v11, BIT1);
        FloatVector w12 = v12.blend(v13.rearrange(DOWN1), BIT1);
        FloatVector w13 = v12.rearrange(UP1).blend(v13, BIT1);
        FloatVector w14 = v14.blend(v15.rearrange(DOWN1), BIT1);
        FloatVector w15 = v14.rearrange(UP1).blend(v15, BIT1);
        // bit 1: rows (i, i+2)
        v0 = w0.blend(w2.rearrange(DOWN2), BIT2);
        v2 = w0.rearrange(UP2).blend(w2, BIT2);
        v1 = w1.blend(w3.rearrange(DOWN2), BIT2);
        v3 = w1.rearrange(UP2).blend(w3, BIT2);
        v4 = w4.blend(w6.rearrange(DOWN2), BIT2);
        v6 = w4.rearrange(UP2).blend(w6, BIT2);
        v5 = w5.blend(w7.rearrange(DOWN2), BIT2);
        v7 = w5.rearrange(UP2).blend(w7, BIT2);
        v8 = w8.blend(w10.rearrange(DOWN2), BIT2);
        v10 = w8.rearrange(UP2).blend(w10, BIT2);
        v9 = w9.blend(w11.rearrange(DOWN2), BIT2);
        v11 = w9.rearrange(UP2).blend(w11, BIT2);
        v12 = w12.blend(w14.rearrange(DOWN2), BIT2);
        v14 = w12.rearrange(UP2).blend(w14, BIT2);
        v13 = w13.blend(w15.rearrange(DOWN2), BIT2);
        v15 = w13.rearrange(UP2).blend(w15, BIT2);
        // bit 2: rows (i, i+4)
        w0 = v0.blend(v4.rearrange(DOWN4), BIT4);
        w4 = v0.rearrange(UP4).blend(v4, BIT4);
        w1 = v1.blend(v5.rearrange(DOWN4), BIT4);
        w5 = v1.rearrange(UP4).blend(v5, BIT4);
        w2 = v2.blend(v6.rearrange(DOWN4), BIT4);
        w6 = v2.rearrange(UP4).blend(v6, BIT4);
        w3 = v3.blend(v7.rearrange(DOWN4), BIT4);
        w7 = v3.rearrange(UP4).blend(v7, BIT4);
        w8 = v8.blend(v12.rearrange(DOWN4), BIT4);
        w12 = v8.rearrange(UP4).blend(v12, BIT4);
        w9 = v9.blend(v13.rearrange(DOWN4), BIT4);
        w13 = v9.rearrange(UP4).blend(v13, BIT4);
        w10 = v10.blend(v14.rearrange(DOWN4), BIT4);
        w14 = v10.rearrange(UP4).blend(v14, BIT4);
        w11 = v11.blend(v15.rearrange(DOWN4), BIT4);
        w15 = v11.rearrange(UP4).blend(v15, BIT4);
        // bit 3: rows (i, i+8), stored
        w0.blend(w8.rearrange(DOWN8), BIT8).intoArray(out, dst);
        w0.rearrange(UP8).blend(w8, BIT8).intoArray(out, dst + 8 * ldo);
        w1.blend(w9.rearrange(DOWN8), BIT8).intoArray(out, dst + ldo);
        w1.rearrange(UP8).blend(w9, BIT8).intoArray(out, dst + 9 * ldo);
        w2.blend(w10.rearrange(DOWN8), BIT8).intoArray(out, dst + 2 * ldo);
        w2.rearrange(UP8).blend(w10, BIT8).intoArray(out, dst + 10 * ldo);
        w3.blend(w11.rearrange(DOWN8), BIT8).intoArray(out, dst + 3 * ldo);
        w3.rearrange(UP8).blend(w11, BIT8).intoArray(out, dst + 11 * ldo);
        w4.blend(w12.rearrange(DOWN8), BIT8).intoArray(out, dst + 4 * ldo);
        w4.rearrange(UP8).blend(w12, BIT8).intoArray(out, dst + 12 * ldo);
        w5.blend(w13.rearrange(DOWN8), BIT8).intoArray(out, dst + 5 * ldo);
        w5.rearrange(UP8).blend(w13, BIT8).intoArray(out, dst + 13 * ldo);
        w6.blend(w14.rearrange(DOWN8), BIT8).intoArray(out, dst + 6 * ldo);
        w6.rearrange(UP8).blend(w14, BIT8).intoArray(out, dst + 14 * ldo);
        w7.blend(w15.rearrange(DOWN8), BIT8).intoArray(out, dst + 7 * ldo);
        w7.rearrange(UP8).blend(w15, BIT8).intoArray(out, dst + 15 * ldo);
    }

    /** Whether the preferred species has {@value Sgemm#LANES} float lanes (the kernels and panel widths assume it). */
    static boolean usable() {
        return S.length() == Sgemm.LANES;
    }

    /**
     * {@code C[0:8, 0:16·nv] (+)= A · Bp} over {@code kc} steps, where A is read in place
     * ({@code a[ao + r·lda + p]}: 8 rows of a row-major matrix) and {@code Bp} is a packed B panel
     * ({@code bp[bo + p·ldb + j]}); the tile is written at {@code c[co + r·ldc + j]}, added to what is there
     * when {@code accumulate}.
     */
    static void tile(float[] a, int ao, int lda, float[] bp, int bo, int ldb, int kc, int nv, float[] c, int co,
            int ldc, boolean accumulate) {
        try {
            TILES[nv - 1].invokeExact(a, ao, lda, bp, bo, ldb, kc, c, co, ldc, accumulate);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static void tile8x3(float[] a, int ao, int lda, float[] bp, int bo, int ldb, int kc, float[] c, int co,
            int ldc, boolean accumulate) {
        int a0 = ao;
        int a1 = a0 + lda;
        int a2 = a1 + lda;
        int a3 = a2 + lda;
        int a4 = a3 + lda;
        int a5 = a4 + lda;
        int a6 = a5 + lda;
        int a7 = a6 + lda;
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
            FloatVector b0 = FloatVector.fromArray(S, bp, b);
            FloatVector b1 = FloatVector.fromArray(S, bp, b + 16);
            FloatVector b2 = FloatVector.fromArray(S, bp, b + 32);
            FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
            c00 = b0.fma(x, c00);
            c01 = b1.fma(x, c01);
            c02 = b2.fma(x, c02);
            x = FloatVector.broadcast(S, a[a1 + p]);
            c10 = b0.fma(x, c10);
            c11 = b1.fma(x, c11);
            c12 = b2.fma(x, c12);
            x = FloatVector.broadcast(S, a[a2 + p]);
            c20 = b0.fma(x, c20);
            c21 = b1.fma(x, c21);
            c22 = b2.fma(x, c22);
            x = FloatVector.broadcast(S, a[a3 + p]);
            c30 = b0.fma(x, c30);
            c31 = b1.fma(x, c31);
            c32 = b2.fma(x, c32);
            x = FloatVector.broadcast(S, a[a4 + p]);
            c40 = b0.fma(x, c40);
            c41 = b1.fma(x, c41);
            c42 = b2.fma(x, c42);
            x = FloatVector.broadcast(S, a[a5 + p]);
            c50 = b0.fma(x, c50);
            c51 = b1.fma(x, c51);
            c52 = b2.fma(x, c52);
            x = FloatVector.broadcast(S, a[a6 + p]);
            c60 = b0.fma(x, c60);
            c61 = b1.fma(x, c61);
            c62 = b2.fma(x, c62);
            x = FloatVector.broadcast(S, a[a7 + p]);
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

    private static void tile8x2(float[] a, int ao, int lda, float[] bp, int bo, int ldb, int kc, float[] c, int co,
            int ldc, boolean accumulate) {
        int a0 = ao;
        int a1 = a0 + lda;
        int a2 = a1 + lda;
        int a3 = a2 + lda;
        int a4 = a3 + lda;
        int a5 = a4 + lda;
        int a6 = a5 + lda;
        int a7 = a6 + lda;
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
            FloatVector b0 = FloatVector.fromArray(S, bp, b);
            FloatVector b1 = FloatVector.fromArray(S, bp, b + 16);
            FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
            c00 = b0.fma(x, c00);
            c01 = b1.fma(x, c01);
            x = FloatVector.broadcast(S, a[a1 + p]);
            c10 = b0.fma(x, c10);
            c11 = b1.fma(x, c11);
            x = FloatVector.broadcast(S, a[a2 + p]);
            c20 = b0.fma(x, c20);
            c21 = b1.fma(x, c21);
            x = FloatVector.broadcast(S, a[a3 + p]);
            c30 = b0.fma(x, c30);
            c31 = b1.fma(x, c31);
            x = FloatVector.broadcast(S, a[a4 + p]);
            c40 = b0.fma(x, c40);
            c41 = b1.fma(x, c41);
            x = FloatVector.broadcast(S, a[a5 + p]);
            c50 = b0.fma(x, c50);
            c51 = b1.fma(x, c51);
            x = FloatVector.broadcast(S, a[a6 + p]);
            c60 = b0.fma(x, c60);
            c61 = b1.fma(x, c61);
            x = FloatVector.broadcast(S, a[a7 + p]);
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

    private static void tile8x1(float[] a, int ao, int lda, float[] bp, int bo, int ldb, int kc, float[] c, int co,
            int ldc, boolean accumulate) {
        int a0 = ao;
        int a1 = a0 + lda;
        int a2 = a1 + lda;
        int a3 = a2 + lda;
        int a4 = a3 + lda;
        int a5 = a4 + lda;
        int a6 = a5 + lda;
        int a7 = a6 + lda;
        FloatVector c0 = FloatVector.zero(S);
        FloatVector c1 = c0;
        FloatVector c2 = c0;
        FloatVector c3 = c0;
        FloatVector c4 = c0;
        FloatVector c5 = c0;
        FloatVector c6 = c0;
        FloatVector c7 = c0;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, bp, bo + p * ldb);
            c0 = b0.fma(FloatVector.broadcast(S, a[a0 + p]), c0);
            c1 = b0.fma(FloatVector.broadcast(S, a[a1 + p]), c1);
            c2 = b0.fma(FloatVector.broadcast(S, a[a2 + p]), c2);
            c3 = b0.fma(FloatVector.broadcast(S, a[a3 + p]), c3);
            c4 = b0.fma(FloatVector.broadcast(S, a[a4 + p]), c4);
            c5 = b0.fma(FloatVector.broadcast(S, a[a5 + p]), c5);
            c6 = b0.fma(FloatVector.broadcast(S, a[a6 + p]), c6);
            c7 = b0.fma(FloatVector.broadcast(S, a[a7 + p]), c7);
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
