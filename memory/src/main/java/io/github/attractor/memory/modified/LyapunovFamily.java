package io.github.attractor.memory.modified;

import io.github.attractor.core.error.Require;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The energy family of Proposition 5 for the modified dynamics (9), with {@code y = Wu + b}:
 * <pre>
 *   E(u) = α E1(u) + β E2(u) + γ E3(u; S)
 *   E1 = uᵀW g(y) - L(y) - ½ g(y)ᵀ W g(y)
 *   E2 = ½ uᵀW u - L(y)
 *   E3 = ½ (u - g(y))ᵀ S (u - g(y)),   S = Sᵀ
 * </pre>
 * Its gradient is {@code ∇E = F(u) f(u)} with {@code f = u - g(y)} and
 * {@code F = α WΛW + β W + γ (I - WᵀΛ) S} (eq. 11; equal to {@code WΛ(αW - γS) + βW + γS} for symmetric W).
 * E1 and E2 are energies only for symmetric W; E3 is defined for any W (Example 6).
 */
public record LyapunovFamily(double alpha, double beta, double gamma, DMatrixRMaj s) {

    public LyapunovFamily {
        Require.that(Double.isFinite(alpha) && Double.isFinite(beta) && Double.isFinite(gamma),
                "energy weights α, β, γ must be finite");
        Require.that(alpha != 0 || beta != 0 || gamma != 0, "energy weights α, β, γ are all zero");
        if (s != null) {
            Require.symmetric("S of energy E3", s, 1e-12);
            s = s.copy();
        }
    }

    /** {@code E1} alone (α = 1). */
    public static LyapunovFamily e1() {
        return new LyapunovFamily(1, 0, 0, null);
    }

    /** {@code E2} alone (β = 1): the energy of Example 5. */
    public static LyapunovFamily e2() {
        return new LyapunovFamily(0, 1, 0, null);
    }

    /** {@code E3} with {@code S = I} (γ = 1): the energy of Examples 6 and 7. */
    public static LyapunovFamily e3() {
        return new LyapunovFamily(0, 0, 1, null);
    }

    /** {@code αE1 + βE2 + γE3(S)}; {@code s = null} means the identity. */
    public static LyapunovFamily of(double alpha, double beta, double gamma, DMatrixRMaj s) {
        return new LyapunovFamily(alpha, beta, gamma, s);
    }

    /** Whether this energy needs W symmetric (α or β non-zero). */
    public boolean needsSymmetricWeights() {
        return alpha != 0 || beta != 0;
    }

    /** {@code S v} (S = I when not given). */
    void applyS(double[] v, double[] out) {
        if (s == null) {
            System.arraycopy(v, 0, out, 0, v.length);
        } else {
            CommonOps_DDRM.mult(s, DMatrixRMaj.wrap(v.length, 1, v), DMatrixRMaj.wrap(out.length, 1, out));
        }
    }

    /** A short label such as {@code E2} or {@code 1·E1+1·E2+1·E3}. */
    public String label() {
        if (alpha == 0 && gamma == 0 && beta == 1) {
            return "E2";
        }
        if (beta == 0 && gamma == 0 && alpha == 1) {
            return "E1";
        }
        if (alpha == 0 && beta == 0 && gamma == 1) {
            return s == null ? "E3" : "E3(S)";
        }
        return fmt(alpha) + "·E1+" + fmt(beta) + "·E2+" + fmt(gamma) + "·E3" + (s == null ? "" : "(S)");
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
