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
 *       with 512-bit vectors) held in 24 vector registers over a whole block of K; each step loads 3 vectors
 *       of a packed B row, broadcasts the 8 values of A at that step and issues 24 fused multiply-adds, so
 *       the kernel is bound by the FMA unit (about 110 GFLOPS on one Zen 4 core with its data in cache, the
 *       core's peak being one 512-bit FMA per cycle). Narrower 1- and 2-vector variants finish the last
 *       columns.</li>
 *   <li><b>Packing of B</b>: for each block of {@code kc} ≤ {@value #KC} steps of K, the B block (kc × up to
 *       {@value #NC} columns, about 1 MiB: half of a Zen 4 core's 2 MiB L2) is copied into panels of
 *       {@code NR} = 48 columns stored step after step ({@code panel[p·48 + j]}), zero-padded past the last
 *       column, so that the kernel reads it with unit stride from L2. For {@link #multiplyTransposedB} this
 *       packing is a transpose (rows of B become panel columns), done 16 × 16 floats at a time in vector
 *       registers; after it the kernel is the same as for {@link #multiply}.</li>
 *   <li><b>A in place</b>: the kernel broadcasts A's entries straight from its 8 rows (8 KiB for a K block
 *       of 256, kept in L1 while the kernel walks along the B block), so A is not packed; only the last,
 *       shorter row panel is copied into a zero-padded buffer.</li>
 *   <li><b>Loops</b>: column blocks of {@value #NC} → K blocks (pack B) → row panels of 8 → B panels of 48 →
 *       micro-kernel. K is split into equal blocks of at most {@value #KC} steps (rounded up to a multiple of
 *       16, {@link #kcStep}); the first block stores into C, each later one adds its sum to C.</li>
 *   <li><b>Threads</b>: products of at least {@value #PARALLEL_FLOPS} flops split C into one block per
 *       available processor (rows in multiples of 8 or columns in multiples of 16, whichever balances the
 *       work and the packing better, {@link #split}) and run the blocks on the common fork/join pool and the
 *       calling thread; smaller ones run on the calling thread. Every entry of C is computed by the same
 *       sequence of operations whatever the split, so the result does not depend on the number of
 *       threads.</li>
 * </ul>
 * On the 2-core AVX-512 (Zen 4) benchmark machine this reaches about 85-90 GFLOPS on one core and 160-180
 * GFLOPS on two on the memory-retrieval shapes ({@code bench/README.md} has the measured figures against
 * numpy and torch). What is left to the FMA peak is mostly the packing of B (about a tenth of the time;
 * B comes from memory once per product) and the first touch of each 8-row panel of A.
 *
 * <p>Without the Vector API module ({@link MatVec#VECTOR_API} false), or with vectors narrower than 512 bits,
 * the same blocking and packing run with a scalar micro-kernel of 4 × 4 accumulators (about 13 GFLOPS per
 * core: two scalar FMAs per cycle): correct, and several times slower.
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
    /** Largest K block: the kernel's 8 rows of A then take {@code KC·MR·4} = 8 KiB (L1). */
    static final int KC = 256;
    /** Largest column block: a packed B block is at most {@code KC·NC·4} bytes, about 1 MiB (L2). */
    static final int NC = 1008;
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
            new Task(a, k, b, n, c, transB, simd).run(0, m, 0, n);
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
                new Task(a, k, b, n, c, transB, simd).run(r0, r1, c0, c1);
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

    /**
     * The K block: K in equal blocks of at most {@value #KC} steps, rounded up to a multiple of 16 (whole
     * 16 × 16 transposes when B is packed from Bᵀ). Depends on k only, so that every split of C does the same
     * arithmetic.
     */
    static int kcStep(int k) {
        return Math.min(KC, (ceilDiv(k, ceilDiv(k, KC)) + 15) & ~15);
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
        private float[] bPack;
        private final float[] aEdge;
        private final float[] tile = new float[MR * NR];

        Task(float[] a, int k, float[] b, int n, float[] c, boolean transB, boolean simd) {
            this.a = a;
            this.k = k;
            this.b = b;
            this.n = n;
            this.c = c;
            this.transB = transB;
            this.simd = simd;
            this.kcStep = kcStep(k);
            this.aEdge = new float[MR * kcStep];
        }

        /** {@code C[r0:r1, c0:c1]}. */
        void run(int r0, int r1, int c0, int c1) {
            int ncMax = Math.min(NC, c1 - c0);
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
                    block(r0, r1, pc, kc, jc, nc);
                }
            }
        }

        /**
         * {@code C[r0:r1, jc:jc+nc] (+)= A[r0:r1, pc:pc+kc] · Bpack} over one K block: A panels of MR rows read
         * in place (the last, shorter one from a zero-padded copy), B panels from the packed block.
         */
        private void block(int r0, int r1, int pc, int kc, int jc, int nc) {
            boolean accumulate = pc > 0;
            for (int i = r0; i < r1; i += MR) {
                int rows = Math.min(MR, r1 - i);
                float[] ap = a;
                int ao = i * k + pc;
                int lda = k;
                if (rows < MR) {
                    for (int r = 0; r < MR; r++) {
                        if (r < rows) {
                            System.arraycopy(a, (i + r) * k + pc, aEdge, r * kc, kc);
                        } else {
                            java.util.Arrays.fill(aEdge, r * kc, (r + 1) * kc, 0f);
                        }
                    }
                    ap = aEdge;
                    ao = 0;
                    lda = kc;
                }
                for (int jr = 0; jr < nc; jr += NR) {
                    int cols = Math.min(NR, nc - jr);
                    int nv = ceilDiv(cols, LANES);
                    int bo = jr * kc;
                    int co = i * n + jc + jr;
                    if (rows == MR && cols == nv * LANES) {
                        kernel(ap, ao, lda, bo, kc, nv, c, co, n, accumulate);
                    } else {
                        kernel(ap, ao, lda, bo, kc, nv, tile, 0, NR, false);
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

        private void kernel(float[] ap, int ao, int lda, int bo, int kc, int nv, float[] out, int oo, int ldo,
                boolean accumulate) {
            if (simd) {
                SgemmKernels.tile(ap, ao, lda, bPack, bo, NR, kc, nv, out, oo, ldo, accumulate);
            } else {
                scalarTile(ap, ao, lda, bPack, bo, NR, kc, nv * LANES, out, oo, ldo, accumulate);
            }
        }

        /**
         * B (k×n) rows {@code pc..pc+kc-1}, columns {@code jc..jc+nc-1}, into panels of NR columns (whole panels
         * by vector copies with the SIMD kernels, the last, narrower one zero-padded).
         */
        private void packB(int pc, int kc, int jc, int nc) {
            float[] bp = bPack;
            for (int jr = 0; jr < nc; jr += NR) {
                int cols = Math.min(NR, nc - jr);
                int width = ceilDiv(cols, LANES) * LANES;
                int dst = jr * kc;
                if (simd && cols == NR) {
                    SgemmKernels.copyPanel(b, pc * n + jc + jr, n, bp, dst, kc);
                    continue;
                }
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
         * {@code pc..pc+kc-1} their rows. With the SIMD kernels, whole 16 × 16 blocks are transposed in
         * vector registers ({@link SgemmKernels#transpose16}); the rest is copied one float at a time, in
         * strips of 16 K steps so that the strip of a panel being written (16 · NR floats) stays in L1 while
         * its rows of B are read sequentially.
         */
        private void packTransposedB(int pc, int kc, int jc, int nc) {
            float[] bp = bPack;
            int kc16 = simd ? kc & ~15 : 0;
            for (int jr = 0; jr < nc; jr += NR) {
                int cols = Math.min(NR, nc - jr);
                int width = ceilDiv(cols, LANES) * LANES;
                int dst = jr * kc;
                int cols16 = simd ? cols & ~15 : 0;
                for (int g = 0; g < cols16; g += 16) {
                    int src = (jc + jr + g) * k + pc;
                    for (int p0 = 0; p0 < kc16; p0 += 16) {
                        SgemmKernels.transpose16(b, src + p0, k, bp, dst + p0 * NR + g, NR);
                    }
                }
                for (int p0 = 0; p0 < kc; p0 += 16) {
                    int steps = Math.min(16, kc - p0);
                    // columns [0, cols16) of steps [0, kc16) are done
                    for (int j = p0 < kc16 ? cols16 : 0; j < cols; j++) {
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
    static void scalarTile(float[] a, int ao, int lda, float[] bp, int bo, int ldb, int kc, int width, float[] out,
            int oo, int ldo, boolean accumulate) {
        for (int r0 = 0; r0 < MR; r0 += 4) {
            for (int j0 = 0; j0 < width; j0 += 4) {
                scalar4x4(a, ao + r0 * lda, lda, bp, bo + j0, ldb, kc, out, oo + r0 * ldo + j0, ldo, accumulate);
            }
        }
    }

    private static void scalar4x4(float[] a, int ao, int lda, float[] bp, int bo, int ldb, int kc, float[] out,
            int oo, int ldo, boolean accumulate) {
        int r1 = ao + lda;
        int r2 = r1 + lda;
        int r3 = r2 + lda;
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
            int b = bo + p * ldb;
            float b0 = bp[b];
            float b1 = bp[b + 1];
            float b2 = bp[b + 2];
            float b3 = bp[b + 3];
            float a0 = a[ao + p];
            float a1 = a[r1 + p];
            float a2 = a[r2 + p];
            float a3 = a[r3 + p];
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
