package io.github.attractor.core.linalg;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.ShapeMismatchException;
import java.util.stream.IntStream;

/**
 * Single-precision dense matrix products on row-major {@code float[]} storage ({@code a[i * cols + j] = A_ij}),
 * at the speed class of an optimised BLAS {@code sgemm}:
 * <ul>
 *   <li>{@link #multiplyTransposedB}: {@code C = A Bᵀ} for A m×k and B n×k (both with rows contiguous in k:
 *       the scores {@code Q Ξᵀ} of a batch of queries against stored patterns);</li>
 *   <li>{@link #multiply}: {@code C = A B} for A m×k and B k×n (the read-out {@code P Ξ}).</li>
 * </ul>
 * C (m×n) is overwritten. Arrays may be longer than the shapes need; C must be neither A nor B.
 *
 * <h2>Why hand-written</h2>
 * The memory-retrieval workloads (a batch of 256 queries against 50,000 patterns of dimension 784) are
 * tens of GFLOP per call, so they need a GEMM-class kernel: a naive or auto-vectorised loop reaches a few
 * GFLOPS, EJML has no single-precision product of this speed, and no pure-Java BLAS-class sgemm exists among
 * the libraries the project allows. The JDK's Vector API ({@code jdk.incubator.vector}) lets the classic
 * design be written directly in Java.
 *
 * <h2>Design (Goto / BLIS)</h2>
 * <ul>
 *   <li><b>Micro-kernel</b> ({@link SgemmKernels}): an {@value #MR}-row by 3-vector tile of C (8 × 48 floats
 *       with 512-bit vectors) held in 24 vector registers over the whole K loop; each step loads 3 vectors
 *       of a packed B row, broadcasts the 8 packed A values and issues 24 fused multiply-adds. Narrower
 *       1- and 2-vector variants finish the last columns.</li>
 *   <li><b>Packing</b>: for each block of {@code kc} ≤ {@value #KC} steps of K, the B block (kc × up to
 *       {@value #NC} columns, about 1 MiB: half of a Zen 4 core's L2) is copied into panels of {@code NR}
 *       columns, each stored step after step ({@code panel[p·NR + j]}), and the A block into panels of
 *       {@value #MR} rows ({@code panel[p·8 + r]}), zero-padded at the edges. The kernel then reads both
 *       with unit stride: the A panel ({@code kc·32} bytes) stays in L1 while the kernel walks along the B
 *       block in L2. For {@link #multiplyTransposedB} the packing of B is a transpose (rows of B become
 *       panel columns), after which the kernel is the same as for {@link #multiply}.</li>
 *   <li><b>Loops</b>: column blocks of {@value #NC} → K blocks (pack B) → row blocks of up to
 *       {@value #MC} (pack A) → A panels → B panels → micro-kernel. The K extent is split into equal
 *       blocks of at most {@value #KC}; the first block stores into C, the later ones add to it.</li>
 *   <li><b>Threads</b>: products of at least {@value #PARALLEL_FLOPS} flops split C into one block per core
 *       (rows in multiples of 8 or columns in multiples of a vector, whichever packs less and balances
 *       better) and run the blocks on the common fork/join pool and the calling thread; smaller ones run on
 *       the calling thread. Every entry of C is computed by the same sequence of operations whatever the
 *       split, so the result does not depend on the number of threads.</li>
 * </ul>
 * On the 2-core AVX-512 (Zen 4) benchmark machine the kernel runs at about 110 GFLOPS per core on data in
 * cache; see {@code bench/README.md} for the figures on the memory-retrieval shapes.
 *
 * <p>Without the Vector API module ({@link MatVec#VECTOR_API} false) the same blocking and packing run with
 * a scalar micro-kernel whose inner loop over the tile's columns the JIT's auto-vectoriser compiles to SIMD
 * code: correct, and several times slower.
 *
 * <h2>Accuracy</h2>
 * Accumulation is in float with one rounding per fused multiply-add ({@link Math#fma} in the scalar kernel),
 * K in order within a block and the blocks added in order, so every entry satisfies the standard bound
 * {@code |ĉ_ij - c_ij| ≤ γ_k Σ_p |a_ip| |b_pj|} with {@code γ_k = k u / (1 - k u)}, {@code u = 2⁻²⁴}: a
 * relative error of about {@code k · eps_float} of {@code Σ|a||b|} at worst (typically √k times less).
 */
public final class Sgemm {
    /** Rows of the register tile (and of a packed A panel). */
    static final int MR = 8;
    /** Float lanes of a 512-bit vector (the scalar kernel uses the same panel layout). */
    static final int LANES = 16;
    /** Columns of the register tile (and of a packed B panel): 3 vectors. */
    static final int NR = 3 * LANES;
    /** Largest K block: a packed A panel is {@code KC·MR·4} = 8 KiB (L1). */
    static final int KC = 256;
    /** Largest column block: a packed B block is at most {@code KC·NC·4} bytes, about 1 MiB (L2). */
    static final int NC = 1008;
    /** Largest row block, which bounds the packed A buffer ({@code MC·KC} floats, 1 MiB). */
    static final int MC = 1024;
    /** Products with fewer flops ({@code 2mnk}) run on the calling thread only. */
    static final long PARALLEL_FLOPS = 1L << 25;

    /**
     * Whether the Vector API micro-kernels are used: the module is present ({@link MatVec#VECTOR_API}) and its
     * preferred float vector has 16 lanes (512 bits; the kernels are written and tuned for AVX-512).
     */
    static final boolean SIMD = MatVec.VECTOR_API && SgemmKernels.usable();

    private Sgemm() {
    }

    /**
     * {@code C = A Bᵀ}: {@code c[i·n + j] = Σ_p a[i·k + p] · b[j·k + p]} for the m×k matrix A and the n×k
     * matrix B, both row-major; C is m×n row-major and overwritten. Multi-threaded for large products.
     *
     * @throws ShapeMismatchException if a dimension is negative or an array is shorter than its shape needs
     * @throws InvalidInputException  if {@code c} is the same array as {@code a} or {@code b}
     */
    public static void multiplyTransposedB(float[] a, int m, int k, float[] b, int n, float[] c) {
        check("multiplyTransposedB", a, m, k, b, n, c, true);
        gemm(a, m, k, b, n, c, true, defaultThreads(m, k, n), SIMD);
    }

    /**
     * {@code C = A B}: {@code c[i·n + j] = Σ_p a[i·k + p] · b[p·n + j]} for the m×k matrix A and the k×n
     * matrix B, both row-major; C is m×n row-major and overwritten. Multi-threaded for large products.
     *
     * @throws ShapeMismatchException if a dimension is negative or an array is shorter than its shape needs
     * @throws InvalidInputException  if {@code c} is the same array as {@code a} or {@code b}
     */
    public static void multiply(float[] a, int m, int k, float[] b, int n, float[] c) {
        check("multiply", a, m, k, b, n, c, false);
        gemm(a, m, k, b, n, c, false, defaultThreads(m, k, n), SIMD);
    }

    /** One thread below {@link #PARALLEL_FLOPS}, else one per available processor. */
    static int defaultThreads(int m, int k, int n) {
        return 2.0 * m * n * k < PARALLEL_FLOPS ? 1 : Runtime.getRuntime().availableProcessors();
    }

    private static void check(String op, float[] a, int m, int k, float[] b, int n, float[] c, boolean transB) {
        if (m < 0 || k < 0 || n < 0) {
            throw new ShapeMismatchException(op + ": negative dimension in m = " + m + ", k = " + k + ", n = " + n);
        }
        if ((long) m * k > a.length) {
            throw new ShapeMismatchException(op + ": A is " + m + "x" + k + " (" + ((long) m * k)
                    + " entries) but the array has " + a.length);
        }
        String bShape = transB ? n + "x" + k : k + "x" + n;
        if ((long) k * n > b.length) {
            throw new ShapeMismatchException(op + ": B is " + bShape + " (" + ((long) k * n)
                    + " entries) but the array has " + b.length);
        }
        if ((long) m * n > c.length) {
            throw new ShapeMismatchException(op + ": C is " + m + "x" + n + " (" + ((long) m * n)
                    + " entries) but the array has " + c.length);
        }
        if ((c == a || c == b) && m > 0 && n > 0) {
            throw new InvalidInputException(op + ": C must not be the same array as A or B");
        }
    }

    /**
     * The product on {@code threads} threads (1: the calling thread only), with the SIMD or the scalar
     * micro-kernel; shapes already checked. {@code transB}: B is n×k ({@code C = A Bᵀ}), else k×n.
     */
    static void gemm(float[] a, int m, int k, float[] b, int n, float[] c, boolean transB, int threads,
            boolean simd) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            java.util.Arrays.fill(c, 0, m * n, 0f);
            return;
        }
        int[] split = split(m, k, n, Math.max(1, threads));
        int tm = split[0];
        int tn = split[1];
        if (tm * tn == 1) {
            new Task(a, m, k, b, n, c, transB, simd).run(0, m, 0, n);
            return;
        }
        int rowsPer = ceilDiv(ceilDiv(m, MR), tm) * MR;
        int colsPer = ceilDiv(ceilDiv(n, LANES), tn) * LANES;
        IntStream.range(0, tm * tn).parallel().forEach(part -> {
            int r0 = Math.min(m, (part / tn) * rowsPer);
            int c0 = Math.min(n, (part % tn) * colsPer);
            int r1 = Math.min(m, r0 + rowsPer);
            int c1 = Math.min(n, c0 + colsPer);
            if (r0 < r1 && c0 < c1) {
                new Task(a, m, k, b, n, c, transB, simd).run(r0, r1, c0, c1);
            }
        });
    }

    /**
     * How to cut C into {@code tm × tn = threads} blocks: rows in multiples of {@value #MR}, columns in
     * multiples of a vector. Of the factorisations it takes the one whose largest block costs least, counting
     * its multiply-adds (padded to whole tiles) and, at about 16 multiply-adds per float moved, its packing:
     * the block's A rows once per column block of {@value #NC}, its B columns once.
     */
    static int[] split(int m, int k, int n, int threads) {
        int panelsM = ceilDiv(m, MR);
        int vectorsN = ceilDiv(n, LANES);
        threads = (int) Math.min(threads, (long) panelsM * vectorsN);
        int[] best = {1, 1};
        double bestCost = Double.POSITIVE_INFINITY;
        for (int tm = 1; tm <= threads; tm++) {
            if (threads % tm != 0) {
                continue;
            }
            int tn = threads / tm;
            if (tm > panelsM || tn > vectorsN) {
                continue;
            }
            double rows = (double) ceilDiv(panelsM, tm) * MR;
            double cols = (double) ceilDiv(vectorsN, tn) * LANES;
            double cost = rows * cols * k + 16.0 * k * (rows * Math.ceil(cols / NC) + cols);
            if (cost < bestCost) {
                bestCost = cost;
                best = new int[] {tm, tn};
            }
        }
        return best;
    }

    private static int ceilDiv(int x, int y) {
        return (x + y - 1) / y;
    }

    /** One thread's block of C with its packing buffers. */
    private static final class Task {
        private final float[] a;
        private final int k;
        private final float[] b;
        private final int n;
        private final float[] c;
        private final boolean transB;
        private final boolean simd;
        private final int kcStep;
        private float[] aPack;
        private float[] bPack;
        private final float[] tile = new float[MR * NR];

        Task(float[] a, int m, int k, float[] b, int n, float[] c, boolean transB, boolean simd) {
            this.a = a;
            this.k = k;
            this.b = b;
            this.n = n;
            this.c = c;
            this.transB = transB;
            this.simd = simd;
            // Equal K blocks of at most KC steps.
            this.kcStep = ceilDiv(k, ceilDiv(k, KC));
        }

        /** {@code C[r0:r1, c0:c1]}. */
        void run(int r0, int r1, int c0, int c1) {
            int mcMax = Math.min(MC, r1 - r0);
            int ncMax = Math.min(NC, c1 - c0);
            aPack = new float[ceilDiv(mcMax, MR) * MR * kcStep];
            bPack = new float[ceilDiv(ncMax, NR) * NR * kcStep];
            for (int jc = c0; jc < c1; jc += NC) {
                int nc = Math.min(NC, c1 - jc);
                for (int pc = 0; pc < k; pc += kcStep) {
                    int kc = Math.min(kcStep, k - pc);
                    if (transB) {
                        packTransposedB(pc, kc, jc, nc);
                    } else {
                        packB(pc, kc, jc, nc);
                    }
                    for (int ic = r0; ic < r1; ic += MC) {
                        int mc = Math.min(MC, r1 - ic);
                        packA(ic, mc, pc, kc);
                        block(ic, mc, jc, nc, kc, pc > 0);
                    }
                }
            }
        }

        /** {@code C[ic:ic+mc, jc:jc+nc] (+)= Apack · Bpack} over one K block. */
        private void block(int ic, int mc, int jc, int nc, int kc, boolean accumulate) {
            for (int ir = 0; ir < mc; ir += MR) {
                int rows = Math.min(MR, mc - ir);
                int ao = ir * kc;
                for (int jr = 0; jr < nc; jr += NR) {
                    int cols = Math.min(NR, nc - jr);
                    int nv = ceilDiv(cols, LANES);
                    int bo = jr * kc;
                    int co = (ic + ir) * n + jc + jr;
                    if (rows == MR && cols == nv * LANES) {
                        kernel(ao, bo, kc, nv, c, co, n, accumulate);
                    } else {
                        kernel(ao, bo, kc, nv, tile, 0, NR, false);
                        for (int r = 0; r < rows; r++) {
                            int t = r * NR;
                            int o = co + r * n;
                            if (accumulate) {
                                for (int j = 0; j < cols; j++) {
                                    c[o + j] += tile[t + j];
                                }
                            } else {
                                System.arraycopy(tile, t, c, o, cols);
                            }
                        }
                    }
                }
            }
        }

        private void kernel(int ao, int bo, int kc, int nv, float[] out, int oo, int ldo, boolean accumulate) {
            if (simd) {
                SgemmKernels.tile(aPack, ao, bPack, bo, NR, kc, nv, out, oo, ldo, accumulate);
            } else {
                scalarTile(aPack, ao, bPack, bo, NR, kc, nv * LANES, out, oo, ldo, accumulate);
            }
        }

        /** A rows {@code ic..ic+mc-1}, K steps {@code pc..pc+kc-1}, into panels of MR rows (zero rows past mc). */
        private void packA(int ic, int mc, int pc, int kc) {
            float[] ap = aPack;
            for (int ir = 0; ir < mc; ir += MR) {
                int rows = Math.min(MR, mc - ir);
                int dst = ir * kc;
                for (int r = 0; r < rows; r++) {
                    int src = (ic + ir + r) * k + pc;
                    for (int p = 0; p < kc; p++) {
                        ap[dst + p * MR + r] = a[src + p];
                    }
                }
                for (int r = rows; r < MR; r++) {
                    for (int p = 0; p < kc; p++) {
                        ap[dst + p * MR + r] = 0f;
                    }
                }
            }
        }

        /** B (k×n) rows {@code pc..pc+kc-1}, columns {@code jc..jc+nc-1}, into panels of NR columns. */
        private void packB(int pc, int kc, int jc, int nc) {
            float[] bp = bPack;
            for (int jr = 0; jr < nc; jr += NR) {
                int cols = Math.min(NR, nc - jr);
                int width = ceilDiv(cols, LANES) * LANES;
                int dst = jr * kc;
                for (int p = 0; p < kc; p++) {
                    int d = dst + p * NR;
                    System.arraycopy(b, (pc + p) * n + jc + jr, bp, d, cols);
                    for (int j = cols; j < width; j++) {
                        bp[d + j] = 0f;
                    }
                }
            }
        }

        /**
         * Bᵀ for B n×k: B rows {@code jc..jc+nc-1} become the columns of the panels, K steps
         * {@code pc..pc+kc-1} their rows. Done in strips of 16 K steps so that the strip of a panel being
         * written (16 · NR floats) stays in L1 while its rows of B are read sequentially.
         */
        private void packTransposedB(int pc, int kc, int jc, int nc) {
            float[] bp = bPack;
            for (int jr = 0; jr < nc; jr += NR) {
                int cols = Math.min(NR, nc - jr);
                int width = ceilDiv(cols, LANES) * LANES;
                int dst = jr * kc;
                for (int p0 = 0; p0 < kc; p0 += 16) {
                    int steps = Math.min(16, kc - p0);
                    for (int j = 0; j < cols; j++) {
                        int src = (jc + jr + j) * k + pc + p0;
                        int d = dst + p0 * NR + j;
                        for (int p = 0; p < steps; p++) {
                            bp[d + p * NR] = b[src + p];
                        }
                    }
                    for (int j = cols; j < width; j++) {
                        int d = dst + p0 * NR + j;
                        for (int p = 0; p < steps; p++) {
                            bp[d + p * NR] = 0f;
                        }
                    }
                }
            }
        }
    }

    /**
     * The scalar micro-kernel: {@code out[0:MR, 0:width] (+)= Apack · Bpack} over {@code kc} steps
     * ({@code width} a multiple of 4), as 4 × 4 sub-tiles with 16 scalar accumulators each: two fused
     * multiply-adds per cycle at best, about 14 GFLOPS on one Zen 4 core. (The JIT's auto-vectoriser does not
     * help here: an axpy over a tile row with two array offsets runs at scalar speed in Java 17.)
     */
    static void scalarTile(float[] ap, int ao, float[] bp, int bo, int ldb, int kc, int width, float[] out, int oo,
            int ldo, boolean accumulate) {
        for (int r0 = 0; r0 < MR; r0 += 4) {
            for (int j0 = 0; j0 < width; j0 += 4) {
                scalar4x4(ap, ao + r0, bp, bo + j0, ldb, kc, out, oo + r0 * ldo + j0, ldo, accumulate);
            }
        }
    }

    private static void scalar4x4(float[] ap, int ao, float[] bp, int bo, int ldb, int kc, float[] out, int oo,
            int ldo, boolean accumulate) {
        float c00 = 0f;
        float c01 = 0f;
        float c02 = 0f;
        float c03 = 0f;
        float c10 = 0f;
        float c11 = 0f;
        float c12 = 0f;
        float c13 = 0f;
        float c20 = 0f;
        float c21 = 0f;
        float c22 = 0f;
        float c23 = 0f;
        float c30 = 0f;
        float c31 = 0f;
        float c32 = 0f;
        float c33 = 0f;
        for (int p = 0; p < kc; p++) {
            int a = ao + p * MR;
            int b = bo + p * ldb;
            float b0 = bp[b];
            float b1 = bp[b + 1];
            float b2 = bp[b + 2];
            float b3 = bp[b + 3];
            float a0 = ap[a];
            float a1 = ap[a + 1];
            float a2 = ap[a + 2];
            float a3 = ap[a + 3];
            c00 = Math.fma(a0, b0, c00);
            c01 = Math.fma(a0, b1, c01);
            c02 = Math.fma(a0, b2, c02);
            c03 = Math.fma(a0, b3, c03);
            c10 = Math.fma(a1, b0, c10);
            c11 = Math.fma(a1, b1, c11);
            c12 = Math.fma(a1, b2, c12);
            c13 = Math.fma(a1, b3, c13);
            c20 = Math.fma(a2, b0, c20);
            c21 = Math.fma(a2, b1, c21);
            c22 = Math.fma(a2, b2, c22);
            c23 = Math.fma(a2, b3, c23);
            c30 = Math.fma(a3, b0, c30);
            c31 = Math.fma(a3, b1, c31);
            c32 = Math.fma(a3, b2, c32);
            c33 = Math.fma(a3, b3, c33);
        }
        int o = oo;
        if (accumulate) {
            c00 += out[o];
            c01 += out[o + 1];
            c02 += out[o + 2];
            c03 += out[o + 3];
            c10 += out[o + ldo];
            c11 += out[o + ldo + 1];
            c12 += out[o + ldo + 2];
            c13 += out[o + ldo + 3];
            c20 += out[o + 2 * ldo];
            c21 += out[o + 2 * ldo + 1];
            c22 += out[o + 2 * ldo + 2];
            c23 += out[o + 2 * ldo + 3];
            c30 += out[o + 3 * ldo];
            c31 += out[o + 3 * ldo + 1];
            c32 += out[o + 3 * ldo + 2];
            c33 += out[o + 3 * ldo + 3];
        }
        out[o] = c00;
        out[o + 1] = c01;
        out[o + 2] = c02;
        out[o + 3] = c03;
        o += ldo;
        out[o] = c10;
        out[o + 1] = c11;
        out[o + 2] = c12;
        out[o + 3] = c13;
        o += ldo;
        out[o] = c20;
        out[o + 1] = c21;
        out[o + 2] = c22;
        out[o + 3] = c23;
        o += ldo;
        out[o] = c30;
        out[o + 1] = c31;
        out[o + 2] = c32;
        out[o + 3] = c33;
    }
}
