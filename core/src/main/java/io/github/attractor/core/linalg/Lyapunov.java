package io.github.attractor.core.linalg;

import io.github.attractor.core.error.NonConvergenceException;
import io.github.attractor.core.error.Require;
import io.github.attractor.core.error.SingularProblemException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.SchurTransformer;

/**
 * The continuous Lyapunov equation {@code A X + X A^T = -Q} for real n×n A and Q, solved by the
 * Bartels–Stewart algorithm.
 *
 * <ol>
 *   <li>Real Schur form {@code A = U T U^T}: U orthogonal, T quasi-upper-triangular with 1×1 diagonal blocks
 *       (real eigenvalues) and 2×2 blocks (marked by a non-zero subdiagonal {@code t_{i+1,i}}; complex
 *       pairs). EJML exposes no Schur decomposition, so this one step uses Hipparchus'
 *       {@code SchurTransformer}; everything else is EJML.</li>
 *   <li>With {@code Y = U^T X U} and {@code C = -U^T Q U} the equation becomes {@code T Y + Y T^T = C}.
 *       Partitioned along the diagonal blocks of T, block (k,l) reads
 *       {@code T_kk Y_kl + Y_kl T_ll^T = C_kl - sum_{m>k} T_km Y_ml - sum_{m>l} Y_km T_lm^T},
 *       whose right-hand side only involves blocks with a larger row or column index. Sweeping
 *       {@code k = p..1}, {@code l = p..1} therefore solves one 1×1, 2×2 or 4×4 system
 *       {@code (I ⊗ T_kk + T_ll ⊗ I) vec(Y_kl) = vec(rhs)} per block (EJML LU).</li>
 *   <li>{@code X = U Y U^T}, symmetrised to {@code (X + X^T)/2} when Q is symmetric.</li>
 * </ol>
 * The Lyapunov operator {@code X -> A X + X A^T} has eigenvalues {@code lambda_i + lambda_j}; when one of
 * them is negligible, {@code |lambda_i + lambda_j| <= 1e-10 ||A||_F} (for example {@code A = 0}, or a
 * pair {@code ±i omega}), there is no unique solution and {@link SingularProblemException} is thrown. A need
 * not be Hurwitz. {@link #relativeResidual} measures
 * {@code ||A X + X A^T + Q||_F / (2 ||A||_F ||X||_F + ||Q||_F)}. Inputs are never modified.
 */
public final class Lyapunov {
    /** Relative size of {@code |lambda_i + lambda_j|} (against {@code ||A||_F}) treated as zero. */
    private static final double SEPARATION_TOLERANCE = 1e-10;
    private static final double EPS = Math.ulp(1.0);

    private Lyapunov() {
    }

    /** Solves the continuous Lyapunov equation A X + X Aᵀ = -Q (Bartels–Stewart on the real Schur form). */
    public static DMatrixRMaj solve(DMatrixRMaj a, DMatrixRMaj q) {
        Checks.squareFinite("lyapunov: A", a);
        int n = a.numRows;
        Require.shape("lyapunov: Q", q, n, n);
        Require.finite("lyapunov: Q", q);
        if (n == 0) {
            return new DMatrixRMaj(0, 0);
        }
        requireUniquelySolvable(a);

        double[] t = new double[n * n];
        DMatrixRMaj u = new DMatrixRMaj(n, n);
        schur(a, t, u);
        int[] blockStart = new int[n + 1];
        int blocks = partition(t, n, blockStart);

        DMatrixRMaj qu = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(q, u, qu);
        DMatrixRMaj c = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransA(u, qu, c);
        CommonOps_DDRM.scale(-1.0, c);

        double[] y = new double[n * n];
        solveQuasiTriangular(t, c.data, y, n, blockStart, blocks);

        DMatrixRMaj ym = DMatrixRMaj.wrap(n, n, y);
        DMatrixRMaj uy = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(u, ym, uy);
        DMatrixRMaj x = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(uy, u, x);
        if (isSymmetric(q)) {
            Checks.symmetrizeInPlace(x);
        }
        for (int i = 0; i < n * n; i++) {
            if (!Double.isFinite(x.data[i])) {
                throw new SingularProblemException("lyapunov: A X + X A^T = -Q is numerically singular (the "
                        + "solution overflowed)");
            }
        }
        return x;
    }

    /** ‖A X + X Aᵀ + Q‖_F / (2‖A‖_F‖X‖_F + ‖Q‖_F). */
    public static double relativeResidual(DMatrixRMaj a, DMatrixRMaj x, DMatrixRMaj q) {
        Require.square("lyapunov residual: A", a);
        int n = a.numRows;
        Require.shape("lyapunov residual: X", x, n, n);
        Require.shape("lyapunov residual: Q", q, n, n);
        if (n == 0) {
            return 0.0;
        }
        DMatrixRMaj r = q.copy();
        CommonOps_DDRM.multAdd(a, x, r);
        CommonOps_DDRM.multAddTransB(x, a, r);
        double num = NormOps_DDRM.normF(r);
        if (num == 0.0) {
            return 0.0;
        }
        return num / (2.0 * NormOps_DDRM.normF(a) * NormOps_DDRM.normF(x) + NormOps_DDRM.normF(q));
    }

    /** Rejects A whose eigenvalues contain a pair (possibly i = j) with {@code lambda_i + lambda_j ~ 0}. */
    private static void requireUniquelySolvable(DMatrixRMaj a) {
        double norm = NormOps_DDRM.normF(a);
        if (norm == 0.0) {
            throw new SingularProblemException("lyapunov: A = 0, so A X + X A^T = -Q has no unique solution");
        }
        Spectrum s = Eigen.eigenvalues(a);
        double[] re = s.real();
        double[] im = s.imag();
        double tol = SEPARATION_TOLERANCE * norm;
        for (int i = 0; i < re.length; i++) {
            for (int j = i; j < re.length; j++) {
                double sum = Math.hypot(re[i] + re[j], im[i] + im[j]);
                if (sum <= tol) {
                    throw new SingularProblemException("lyapunov: A X + X A^T = -Q has no unique solution: "
                            + "eigenvalues " + complex(re[i], im[i]) + " and " + complex(re[j], im[j])
                            + " of A sum to " + sum + " <= 1e-10 * ||A||_F");
                }
            }
        }
    }

    private static String complex(double re, double im) {
        return im == 0.0 ? Double.toString(re) : re + (im < 0 ? "-" : "+") + Math.abs(im) + "i";
    }

    /** {@code A = U T U^T}; T written row-major into {@code t}, U into {@code u}. */
    private static void schur(DMatrixRMaj a, double[] t, DMatrixRMaj u) {
        int n = a.numRows;
        if (n == 1) {
            t[0] = a.get(0, 0);
            u.set(0, 0, 1.0);
            return;
        }
        double[][] tt;
        double[][] pp;
        try {
            double[][] data = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    data[i][j] = a.unsafe_get(i, j);
                }
            }
            SchurTransformer st = new SchurTransformer(MatrixUtils.createRealMatrix(data));
            tt = st.getT().getData();
            pp = st.getP().getData();
        } catch (MathRuntimeException e) {
            throw new NonConvergenceException("lyapunov: real Schur decomposition of A failed: " + e.getMessage());
        }
        for (int i = 0; i < n; i++) {
            System.arraycopy(tt[i], 0, t, i * n, n);
            for (int j = 0; j < n; j++) {
                u.unsafe_set(i, j, pp[i][j]);
            }
        }
    }

    /**
     * Zeroes T below the subdiagonal and the negligible subdiagonal entries
     * ({@code |t_{i+1,i}| <= eps (|t_ii| + |t_{i+1,i+1}|)}), then records the diagonal blocks:
     * block b covers rows {@code start[b] .. start[b+1]-1}. Returns the number of blocks.
     */
    private static int partition(double[] t, int n, int[] start) {
        double norm = 0.0;
        for (double v : t) {
            norm += Math.abs(v);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i - 1; j++) {
                t[i * n + j] = 0.0;
            }
        }
        for (int i = 0; i + 1 < n; i++) {
            double s = Math.abs(t[i * n + i]) + Math.abs(t[(i + 1) * n + i + 1]);
            if (s == 0.0) {
                s = norm;
            }
            if (Math.abs(t[(i + 1) * n + i]) <= 2 * EPS * s) {
                t[(i + 1) * n + i] = 0.0;
            }
        }
        int blocks = 0;
        int i = 0;
        while (i < n) {
            start[blocks++] = i;
            if (i + 1 < n && t[(i + 1) * n + i] != 0.0) {
                if (i + 2 < n && t[(i + 2) * n + i + 1] != 0.0) {
                    throw new NonConvergenceException("lyapunov: the real Schur form of A has an unreduced block"
                            + " larger than 2x2 at row " + i);
                }
                i += 2;
            } else {
                i += 1;
            }
        }
        start[blocks] = n;
        return blocks;
    }

    /** Solves {@code T Y + Y T^T = C} block by block, last block row and column first. */
    private static void solveQuasiTriangular(double[] t, double[] c, double[] y, int n, int[] start, int blocks) {
        BlockSolver small = new BlockSolver();
        double[] rhs = new double[4];
        for (int k = blocks - 1; k >= 0; k--) {
            int r0 = start[k];
            int ra = start[k + 1] - r0;
            for (int l = blocks - 1; l >= 0; l--) {
                int c0 = start[l];
                int cb = start[l + 1] - c0;
                for (int di = 0; di < ra; di++) {
                    int i = r0 + di;
                    for (int dc = 0; dc < cb; dc++) {
                        int col = c0 + dc;
                        double r = c[i * n + col];
                        for (int j = r0 + ra; j < n; j++) {
                            r -= t[i * n + j] * y[j * n + col];
                        }
                        int rowI = i * n;
                        int rowC = col * n;
                        for (int j = c0 + cb; j < n; j++) {
                            r -= y[rowI + j] * t[rowC + j];
                        }
                        rhs[dc * ra + di] = r;
                    }
                }
                small.solve(t, n, r0, ra, c0, cb, rhs);
                for (int di = 0; di < ra; di++) {
                    for (int dc = 0; dc < cb; dc++) {
                        y[(r0 + di) * n + c0 + dc] = rhs[dc * ra + di];
                    }
                }
            }
        }
    }

    private static boolean isSymmetric(DMatrixRMaj q) {
        int n = q.numRows;
        double scale = 0.0;
        for (int i = 0; i < n * n; i++) {
            scale = Math.max(scale, Math.abs(q.data[i]));
        }
        double tol = 64 * EPS * scale;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (Math.abs(q.unsafe_get(i, j) - q.unsafe_get(j, i)) > tol) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The small Sylvester system {@code K Z + Z L^T = R} for diagonal blocks {@code K = T_kk} (a×a) and
     * {@code L = T_ll} (b×b), written as {@code (I_b ⊗ K + L ⊗ I_a) vec(Z) = vec(R)} with column-major vec,
     * solved by EJML's LU (direct division when a = b = 1).
     */
    private static final class BlockSolver {
        private final LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(4);
        private final DMatrixRMaj[] systems = {null, new DMatrixRMaj(1, 1), new DMatrixRMaj(2, 2), null,
            new DMatrixRMaj(4, 4)};
        private final DMatrixRMaj[] rhs = {null, new DMatrixRMaj(1, 1), new DMatrixRMaj(2, 1), null,
            new DMatrixRMaj(4, 1)};
        private final DMatrixRMaj[] sol = {null, new DMatrixRMaj(1, 1), new DMatrixRMaj(2, 1), null,
            new DMatrixRMaj(4, 1)};

        /** Overwrites {@code r} (column-major a×b) with the solution Z. */
        void solve(double[] t, int n, int r0, int a, int c0, int b, double[] r) {
            int m = a * b;
            if (m == 1) {
                double d = t[r0 * n + r0] + t[c0 * n + c0];
                if (d == 0.0) {
                    throw singular(r0, c0);
                }
                r[0] /= d;
                return;
            }
            DMatrixRMaj z = systems[m];
            z.zero();
            // I_b ⊗ K: K on each of the b diagonal blocks of size a.
            for (int p = 0; p < b; p++) {
                for (int i = 0; i < a; i++) {
                    for (int j = 0; j < a; j++) {
                        z.unsafe_set(p * a + i, p * a + j, t[(r0 + i) * n + r0 + j]);
                    }
                }
            }
            // L ⊗ I_a: l_pq on the diagonal of block (p, q).
            for (int p = 0; p < b; p++) {
                for (int qq = 0; qq < b; qq++) {
                    double lpq = t[(c0 + p) * n + c0 + qq];
                    for (int i = 0; i < a; i++) {
                        z.unsafe_set(p * a + i, qq * a + i, z.unsafe_get(p * a + i, qq * a + i) + lpq);
                    }
                }
            }
            double scale = 0.0;
            for (int i = 0; i < m * m; i++) {
                scale = Math.max(scale, Math.abs(z.data[i]));
            }
            if (scale == 0.0) {
                throw singular(r0, c0);
            }
            CommonOps_DDRM.scale(1.0 / scale, z);
            DMatrixRMaj b0 = rhs[m];
            for (int i = 0; i < m; i++) {
                b0.data[i] = r[i] / scale;
            }
            if (!lu.setA(z)) {
                throw singular(r0, c0);
            }
            DMatrixRMaj x = sol[m];
            lu.solve(b0, x);
            for (int i = 0; i < m; i++) {
                if (!Double.isFinite(x.data[i])) {
                    throw singular(r0, c0);
                }
                r[i] = x.data[i];
            }
        }

        private static SingularProblemException singular(int r0, int c0) {
            return new SingularProblemException("lyapunov: A X + X A^T = -Q is singular: diagonal blocks at rows "
                    + r0 + " and " + c0 + " of the Schur form have eigenvalues summing to zero");
        }
    }
}
