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
 *   <li><b>Packing</b>: for each block of {@code kc} ≤ {@value #KC} steps of K, the B block (kc × up to
 *       {@value #NC} columns, about 1 MiB: half of a Zen 4 core's 2 MiB L2) is copied into panels of
 *       {@code NR} = 48 columns stored step after step ({@code panel[p·48 + j]}), zero-padded past the last
 *       column, so that the kernel reads it with unit stride from L2. The kernel broadcasts A's entries
 *       straight from its 8 rows (8 KiB for a K block of 256, kept in L1 while the kernel walks along the B
 *       block), so A is not packed; only the last, shorter row panel is copied into a zero-padded buffer.</li>
 *   <li><b>{@code A Bᵀ}</b>: B's rows are contiguous in K, so packing B for the kernel is a transpose (done
 *       16 × 16 floats at a time in vector registers). When m ≤ n (few queries, many patterns) the roles are
 *       swapped instead, {@code Cᵀ = B Aᵀ}: the small Aᵀ is packed once and shared by the threads, B's rows
 *       are broadcast in place 8 at a time, so the large operand is never copied, and the tiles of Cᵀ are
 *       written into C by 16 × 16 transposes, {@value #JB} columns at a time. K is then one block up to
 *       {@value #KC_SWAPPED} steps, so C is written once.</li>
 *   <li><b>Loops</b> ({@code A B}, and {@code A Bᵀ} with m > n): column blocks of {@value #NC} → K blocks
 *       (pack B) → row panels of 8 → B panels of 48 → micro-kernel. K is split into equal blocks of at most
 *       {@value #KC} steps (rounded up to a multiple of 16, {@link #kcStep}); the first block stores into C,
 *       each later one adds its sum to C.</li>
 *   <li><b>Threads</b>: products of at least {@value #PARALLEL_FLOPS} flops split C into one block per
 *       available processor (rows in multiples of 8 or columns in multiples of 16, whichever balances the
 *       work and the packing better, {@link #split}) and run the blocks on the common fork/join pool and the
 *       calling thread; smaller ones run on the calling thread. Every entry of C is computed by the same
 *       sequence of operations whatever the split, so the result does not depend on the number of
 *       threads.</li>
 * </ul>
 * On the 2-core AVX-512 (Zen 4) benchmark machine this reaches about 90-95 GFLOPS on one core and 170-185
 * GFLOPS on two on the memory-retrieval shapes, on a par with numpy's OpenBLAS ({@code bench/README.md} has
 * the measured figures). What is left to the kernel's 110 GFLOPS is the packing of B in {@link #multiply}
 * (about a tenth of the time: B comes from memory once per product), the writing of C, and the first touch
 * of each panel of the operand read in place.
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
        if (transB && m <= n) {
            gemmSwapped(a, m, k, b, n, c, Math.max(1, threads), simd);
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

        /** Bᵀ for B n×k: B rows {@code jc..jc+nc-1} become panel columns, K steps {@code pc..pc+kc-1} panel rows. */
        private void packTransposedB(int pc, int kc, int jc, int nc) {
            packRowsAsPanels(b, k, jc, nc, pc, kc, bPack, 0, simd);
        }
    }

    /**
     * Packs {@code rows} rows of the row-major matrix {@code src} (leading dimension {@code ld}) from row
     * {@code row0}, K steps {@code pc..pc+kc-1}, as panels of NR columns: row {@code row0 + jr + j} becomes
     * column j of panel {@code jr / NR}, stored at {@code dst[off + jr·kc + p·NR + j]}, zero-padded to a whole
     * vector past the last row. With the SIMD kernels, whole 16 × 16 blocks are transposed in vector
     * registers ({@link SgemmKernels#transpose16}); the rest is copied one float at a time, in strips of 16 K
     * steps so that the strip of a panel being written (16 · NR floats) stays in L1 while the rows are read
     * sequentially.
     */
    static void packRowsAsPanels(float[] src, int ld, int row0, int rows, int pc, int kc, float[] dst, int off,
            boolean simd) {
        int kc16 = simd ? kc & ~15 : 0;
        for (int jr = 0; jr < rows; jr += NR) {
            int cols = Math.min(NR, rows - jr);
            int width = ceilDiv(cols, LANES) * LANES;
            int d0 = off + jr * kc;
            int cols16 = simd ? cols & ~15 : 0;
            for (int g = 0; g < cols16; g += 16) {
                int s0 = (row0 + jr + g) * ld + pc;
                for (int p0 = 0; p0 < kc16; p0 += 16) {
                    SgemmKernels.transpose16(src, s0 + p0, ld, dst, d0 + p0 * NR + g, NR);
                }
            }
            for (int p0 = 0; p0 < kc; p0 += 16) {
                int steps = Math.min(16, kc - p0);
                // columns [0, cols16) of steps [0, kc16) are done
                for (int j = p0 < kc16 ? cols16 : 0; j < cols; j++) {
                    int s0 = (row0 + jr + j) * ld + pc + p0;
                    int d = d0 + p0 * NR + j;
                    for (int p = 0; p < steps; p++) {
                        dst[d + p * NR] = src[s0 + p];
                    }
                }
                for (int j = cols; j < width; j++) {
                    int d = d0 + p0 * NR + j;
                    for (int p = 0; p < steps; p++) {
                        dst[d + p * NR] = 0f;
                    }
                }
            }
        }
    }

    /** K blocks of the swapped product: K whole up to this many steps (C then written once). */
    static final int KC_SWAPPED = 1024;

    /**
     * {@code C = A Bᵀ} for m ≤ n with the operands' roles swapped: Aᵀ, the smaller operand, is packed once
     * (shared by all threads) as the panels the kernel loads vectors from, and the rows of B are the ones it
     * broadcasts from, read in place, 8 at a time: the kernel computes an 8 × 48 tile of Cᵀ (8 rows of B
     * against 48 rows of A), written transposed into C. The large operand then is never copied: it streams
     * from memory once, 8 consecutive rows at a time, while the kernel works. K is one block up to
     * {@value #KC_SWAPPED} steps (else {@link #kcStep} blocks); C is split between the threads by columns, in
     * multiples of 16.
     */
    private static void gemmSwapped(float[] a, int m, int k, float[] b, int n, float[] c, int threads, boolean simd) {
        int kc = k <= KC_SWAPPED ? k : kcStep(k);
        int mPad = ceilDiv(m, NR) * NR;
        float[] aT = new float[Math.multiplyExact(mPad, k)];
        for (int pc = 0; pc < k; pc += kc) {
            packRowsAsPanels(a, k, 0, m, pc, Math.min(kc, k - pc), aT, pc * mPad, simd);
        }
        int vectors = ceilDiv(n, LANES);
        int parts = Math.min(threads, vectors);
        int colsPer = ceilDiv(vectors, parts) * LANES;
        if (parts == 1) {
            swappedPart(aT, m, mPad, k, kc, b, n, c, 0, n, simd);
            return;
        }
        IntStream.range(0, parts).parallel().forEach(part -> {
            int c0 = Math.min(n, part * colsPer);
            int c1 = Math.min(n, c0 + colsPer);
            if (c0 < c1) {
                swappedPart(aT, m, mPad, k, kc, b, n, c, c0, c1, simd);
            }
        });
    }

    /** Columns of C computed into the transposed buffer of {@link #swappedPart} before it is written out. */
    private static final int JB = 64;

    /**
     * Columns {@code c0..c1-1} of the swapped product (rows {@code c0..c1-1} of B). The kernel's tiles of Cᵀ
     * go to a buffer of {@value #JB} columns of C by up to about 300 rows; the buffer is then written into C
     * by 16 × 16 transposes, so that C is written a row segment of {@value #JB} floats at a time (scattered
     * 8-float writes into rows 200 KB apart cost a sixth of the time in TLB and cache misses).
     */
    private static void swappedPart(float[] aT, int m, int mPad, int k, int kc, float[] b, int n, float[] c, int c0,
            int c1, boolean simd) {
        float[] bEdge = new float[MR * kc];
        // Blocks of A rows whose packed panels take about 1 MiB (L2).
        int mcs = Math.min(mPad, Math.max(NR, (NC * KC / Math.min(kc, k)) / NR * NR));
        float[] buf = new float[JB * mcs];
        for (int pc = 0; pc < k; pc += kc) {
            int kcb = Math.min(kc, k - pc);
            boolean accumulate = pc > 0;
            for (int ic = 0; ic < m; ic += mcs) {
                int mc = Math.min(mcs, m - ic);
                for (int j0 = c0; j0 < c1; j0 += JB) {
                    int nb = Math.min(JB, c1 - j0);
                    for (int j = j0; j < j0 + nb; j += MR) {
                        int rows = Math.min(MR, j0 + nb - j);
                        float[] ap = b;
                        int ao = j * k + pc;
                        int lda = k;
                        if (rows < MR) {
                            for (int r = 0; r < MR; r++) {
                                if (r < rows) {
                                    System.arraycopy(b, (j + r) * k + pc, bEdge, r * kcb, kcb);
                                } else {
                                    java.util.Arrays.fill(bEdge, r * kcb, (r + 1) * kcb, 0f);
                                }
                            }
                            ap = bEdge;
                            ao = 0;
                            lda = kcb;
                        }
                        for (int ir = ic; ir < ic + mc; ir += NR) {
                            int nv = ceilDiv(Math.min(NR, m - ir), LANES);
                            int bo = pc * mPad + ir * kcb;
                            // buf[(j - j0 + r)·mcs + ir - ic + q] = (B Aᵀ)[j + r][ir + q] = C[ir + q][j + r]
                            int oo = (j - j0) * mcs + ir - ic;
                            if (simd) {
                                SgemmKernels.tile(ap, ao, lda, aT, bo, NR, kcb, nv, buf, oo, mcs, false);
                            } else {
                                scalarTile(ap, ao, lda, aT, bo, NR, kcb, nv * LANES, buf, oo, mcs, false);
                            }
                        }
                    }
                    for (int q0 = 0; q0 < mc; q0 += 16) {
                        for (int r0 = 0; r0 < nb; r0 += 16) {
                            int src = r0 * mcs + q0;
                            int dst = (ic + q0) * n + j0 + r0;
                            if (simd && !accumulate && q0 + 16 <= mc && r0 + 16 <= nb) {
                                SgemmKernels.transpose16(buf, src, mcs, c, dst, n);
                                continue;
                            }
                            int qs = Math.min(16, mc - q0);
                            int rs = Math.min(16, nb - r0);
                            for (int q = 0; q < qs; q++) {
                                int o = dst + q * n;
                                if (accumulate) {
                                    for (int r = 0; r < rs; r++) {
                                        c[o + r] += buf[src + r * mcs + q];
                                    }
                                } else {
                                    for (int r = 0; r < rs; r++) {
                                        c[o + r] = buf[src + r * mcs + q];
                                    }
                                }
                            }
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
