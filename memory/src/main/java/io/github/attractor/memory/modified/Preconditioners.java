package io.github.attractor.memory.modified;

import io.github.attractor.core.error.NotPositiveSemidefiniteException;
import io.github.attractor.core.error.Require;
import io.github.attractor.core.linalg.Eigen;
import io.github.attractor.core.linalg.Lyapunov;
import io.github.attractor.core.linalg.MatVec;
import io.github.attractor.core.linalg.PolarDecomposition;
import io.github.attractor.memory.network.Network;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The choices of {@code R} in Examples 5–7 of "Associative memory and dead neurons":
 * <ul>
 *   <li>{@link #weights()}: {@code R = W} (Example 5.1; with E2, {@code F = W} and (11) is {@code 2W² ⪰ 0});</li>
 *   <li>{@link #polar()}: {@code R = O(u)} from the polar decomposition {@code F(u) = O P} (Proposition 5.2;
 *       {@code RᵀF + FᵀR = 2P ⪰ 0} for every energy of the family);</li>
 *   <li>{@link #lyapunov}: the constant R solving {@code RW + WR = Q} for W positive definite (Example 5.4;
 *       with E2 the left side of (11) is exactly Q);</li>
 *   <li>{@link #residualJacobian()}: {@code R = I - WᵀΛ} with E3, S = I (Example 6.1 and 7: then R = F and
 *       (11) is {@code 2RᵀR ⪰ 0}, for any W and any Λ);</li>
 *   <li>{@link #hessian()}: {@code R = Λ} with E3, S = I (Example 6.2; (11) is {@code 2Λ - Λ(W+Wᵀ)Λ ⪰ 0},
 *       guaranteed when {@code ω(W) ≤ λ_min(Λ)/λ_max(Λ²)}, e.g. when ω(W) ≤ 0 and Λ ⪰ 0).</li>
 * </ul>
 */
public final class Preconditioners {
    private Preconditioners() {
    }

    /** {@code R = W}. */
    public static Preconditioner weights() {
        return new Preconditioner() {
            @Override
            public String name() {
                return "R=W";
            }

            @Override
            public void apply(ModifiedState s, double[] v, double[] out) {
                s.network().multiply(v, out);
            }

            @Override
            public void matrix(ModifiedState s, DMatrixRMaj out) {
                out.setTo(s.network().weights());
            }

            @Override
            public boolean isConstant() {
                return true;
            }
        };
    }

    /** {@code R = O(u)}, the orthogonal polar factor of {@code F(u)}. */
    public static Preconditioner polar() {
        return new Preconditioner() {
            @Override
            public String name() {
                return "R=polar(F)";
            }

            @Override
            public void apply(ModifiedState s, double[] v, double[] out) {
                DMatrixRMaj o = PolarDecomposition.of(s.bigF()).orthogonal();
                MatVec.multiply(o.data, o.numRows, o.numCols, v, out);
            }

            @Override
            public void matrix(ModifiedState s, DMatrixRMaj out) {
                out.setTo(PolarDecomposition.of(s.bigF()).orthogonal());
            }

            @Override
            public boolean isConstant() {
                return false;
            }
        };
    }

    /**
     * The constant {@code R} with {@code RW + WR = Q}; W must be symmetric positive definite and Q symmetric
     * positive semidefinite ({@code q = null} means the identity).
     */
    public static Preconditioner lyapunov(Network net, DMatrixRMaj q) {
        DMatrixRMaj w = Require.symmetric("weights W (for RW + WR = Q)", net.weights(), 1e-12);
        int n = w.numRows;
        double minEig = Eigen.minSymmetric(w);
        if (!(minEig > 0)) {
            throw new NotPositiveSemidefiniteException("R from RW + WR = Q needs W positive definite, but λ_min(W) = "
                    + minEig);
        }
        DMatrixRMaj qq = q == null ? CommonOps_DDRM.identity(n) : Require.symmetric("Q", q, 1e-12);
        if (q != null && Eigen.minSymmetric(q) < -1e-12) {
            throw new NotPositiveSemidefiniteException("Q of RW + WR = Q must be positive semidefinite");
        }
        // A X + X Aᵀ = -Q with A = -W is W X + X W = Q.
        DMatrixRMaj negW = w.copy();
        CommonOps_DDRM.scale(-1, negW);
        DMatrixRMaj r = Lyapunov.solve(negW, qq);
        return new Preconditioner() {
            @Override
            public String name() {
                return "R:RW+WR=Q";
            }

            @Override
            public void apply(ModifiedState s, double[] v, double[] out) {
                MatVec.multiply(r.data, n, n, v, out);
            }

            @Override
            public void matrix(ModifiedState s, DMatrixRMaj out) {
                out.setTo(r);
            }

            @Override
            public boolean isConstant() {
                return true;
            }
        };
    }

    /** {@code R = I - WᵀΛ(Wu + b)}. */
    public static Preconditioner residualJacobian() {
        return new Preconditioner() {
            @Override
            public String name() {
                return "R=I-WtL";
            }

            @Override
            public void apply(ModifiedState s, double[] v, double[] out) {
                double[] lv = new double[v.length];
                s.lambdaTimes(v, lv);
                s.network().multiplyTransposed(lv, out);
                for (int i = 0; i < v.length; i++) {
                    out[i] = v[i] - out[i];
                }
            }

            @Override
            public void matrix(ModifiedState s, DMatrixRMaj out) {
                int n = s.u().length;
                out.reshape(n, n);
                CommonOps_DDRM.multTransA(s.network().weights(), s.lambda(), out);
                CommonOps_DDRM.scale(-1, out);
                for (int i = 0; i < n; i++) {
                    out.add(i, i, 1);
                }
            }

            @Override
            public boolean isConstant() {
                return false;
            }
        };
    }

    /** {@code R = Λ(Wu + b)}. */
    public static Preconditioner hessian() {
        return new Preconditioner() {
            @Override
            public String name() {
                return "R=L";
            }

            @Override
            public void apply(ModifiedState s, double[] v, double[] out) {
                s.lambdaTimes(v, out);
            }

            @Override
            public void matrix(ModifiedState s, DMatrixRMaj out) {
                out.setTo(s.lambda());
            }

            @Override
            public boolean isConstant() {
                return false;
            }
        };
    }
}
