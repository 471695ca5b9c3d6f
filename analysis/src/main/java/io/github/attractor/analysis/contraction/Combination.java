package io.github.attractor.analysis.contraction;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.Require;
import io.github.attractor.core.linalg.Eigen;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Networks of networks (Appendix 5.2 of Kozachkov et al.): contracting systems combined so that the whole is
 * contracting again.
 * <ul>
 *   <li>Feedback: {@code ẋ = f(x) + By}, {@code ẏ = g(y) + Gx} is contracting in {@code blockdiag(M₁, M₂)} when
 *       {@code B = -M₁⁻¹GᵀM₂} ({@link #feedbackGain}): the off-diagonal blocks of the symmetric part cancel.</li>
 *   <li>Hierarchy: {@code ẋ = f(x)}, {@code ẏ = g(y) + h(x)} with bounded {@code ∂h/∂x = H} is contracting in
 *       {@code blockdiag(M₁, εM₂)} for ε small enough ({@link #hierarchy} finds one and verifies it).</li>
 *   <li>Assembly (the sparse combination networks of Section 3): modules W_i with metrics M_i on the block
 *       diagonal and a linear coupling {@code L = B - M⁻¹BᵀM}, M = blockdiag(M_i), for any B:
 *       {@code τẋ = -x + Wφ(x) + Lx + u}. Then {@code ML + LᵀM = 0}, so L leaves every {@code μ_M} unchanged and
 *       the assembly contracts at the slowest module's rate ({@link #assemble}).</li>
 * </ul>
 */
public final class Combination {
    private Combination() {
    }

    /** {@code B = -M₁⁻¹ Gᵀ M₂} for G (n₂×n₁): the feedback gain that keeps the combination contracting. */
    public static DMatrixRMaj feedbackGain(DMatrixRMaj m1, DMatrixRMaj g, DMatrixRMaj m2) {
        int n1 = Require.square("M1", m1).numRows;
        int n2 = Require.square("M2", m2).numRows;
        Require.shape("G", g, n2, n1);
        DMatrixRMaj inv = new DMatrixRMaj(n1, n1);
        if (!CommonOps_DDRM.invert(m1, inv)) {
            throw new InvalidInputException("M1: singular metric");
        }
        DMatrixRMaj gtm2 = new DMatrixRMaj(n1, n2);
        CommonOps_DDRM.multTransA(g, m2, gtm2);
        DMatrixRMaj b = new DMatrixRMaj(n1, n2);
        CommonOps_DDRM.mult(-1, inv, gtm2, b);
        return b;
    }

    /**
     * The hierarchy of two systems contracting in M₁ at rate c₁ and in M₂ at rate c₂, coupled by H (n₂×n₁): the
     * largest ε = 2^-k for which {@code blockdiag(M₁, εM₂)} certifies the bound
     * {@code sym(M J) ⪯ [[-c₁M₁, εHᵀM₂/2], [εM₂H/2, -εc₂M₂]] ≺ 0}, with the rate of that bound.
     */
    public static Certificate hierarchy(DMatrixRMaj m1, double c1, DMatrixRMaj m2, double c2, DMatrixRMaj h) {
        int n1 = Require.square("M1", m1).numRows;
        int n2 = Require.square("M2", m2).numRows;
        Require.shape("H", h, n2, n1);
        if (!(c1 > 0) || !(c2 > 0)) {
            throw new InvalidInputException("hierarchy: both rates must be > 0, got " + c1 + " and " + c2);
        }
        DMatrixRMaj m2h = new DMatrixRMaj(n2, n1);
        CommonOps_DDRM.mult(m2, h, m2h);
        int n = n1 + n2;
        for (int k = 0; k < 200; k++) {
            double eps = Math.pow(0.5, k);
            DMatrixRMaj bound = new DMatrixRMaj(n, n);
            DMatrixRMaj metric = new DMatrixRMaj(n, n);
            for (int i = 0; i < n1; i++) {
                for (int j = 0; j < n1; j++) {
                    bound.unsafe_set(i, j, -c1 * m1.unsafe_get(i, j));
                    metric.unsafe_set(i, j, m1.unsafe_get(i, j));
                }
            }
            for (int i = 0; i < n2; i++) {
                for (int j = 0; j < n2; j++) {
                    bound.unsafe_set(n1 + i, n1 + j, -eps * c2 * m2.unsafe_get(i, j));
                    metric.unsafe_set(n1 + i, n1 + j, eps * m2.unsafe_get(i, j));
                }
                for (int j = 0; j < n1; j++) {
                    double v = eps * m2h.unsafe_get(i, j) / 2;
                    bound.unsafe_set(n1 + i, j, v);
                    bound.unsafe_set(j, n1 + i, v);
                }
            }
            double mu = generalisedMax(bound, metric);
            if (mu < 0) {
                return new Certificate(true, "hierarchical combination", metric, -mu, -mu, String.format(
                        "blockdiag(M1, εM2) with ε = 2^-%d: sym(MJ) ⪯ %.4g M", k, mu));
            }
        }
        return Certificate.fails("hierarchical combination", Double.NaN, "no ε ≥ 2^-200 met the bound");
    }

    /** A network of modules with its coupling and metric. */
    public record Assembly(DMatrixRMaj weights, DMatrixRMaj coupling, DMatrixRMaj metric, int[] offsets,
            Certificate certificate) {
    }

    /**
     * Assembles certified modules (each with a Theorem-1 certificate or any other constant-metric certificate)
     * with the coupling {@code L = B - M⁻¹BᵀM} from a random B: entries U(-scale, scale) at the given density on
     * the off-diagonal blocks. The assembly gets its own certificate, verified numerically rather than assumed:
     * the residual of {@code ML + LᵀM = 0} (‖sym(ML)‖₂ relative to λ_min(M)) is subtracted from the slowest module
     * rate (subadditivity of μ_M), and {@code μ_M(-I + WD + L)} of the assembled Jacobian is evaluated at
     * {@code vertices} vertices of the slope box [0, g]ⁿ (D = 0, D = gI, then seeded random ones; all of them for
     * n ≤ {@value SlopeBox#EXACT_MAX_UNITS}); it holds when the margin is positive and no vertex exceeds −rate.
     */
    public static Assembly assemble(List<DMatrixRMaj> modules, List<Certificate> certificates, double g,
            double density, double scale, int vertices, long seed) {
        if (modules.isEmpty() || modules.size() != certificates.size()) {
            throw new InvalidInputException("assemble: need one certificate per module (and at least one module)");
        }
        if (!(density >= 0 && density <= 1)) {
            throw new InvalidInputException("coupling density: must be in [0, 1], got " + density);
        }
        if (!(scale >= 0) || !Double.isFinite(scale)) {
            throw new InvalidInputException("coupling scale: must be finite and ≥ 0, got " + scale);
        }
        int[] offsets = new int[modules.size() + 1];
        for (int k = 0; k < modules.size(); k++) {
            Certificate c = certificates.get(k);
            if (!c.holds() || c.metric() == null) {
                throw new InvalidInputException("assemble: module " + k + " is not certified (" + c.reason() + ")");
            }
            offsets[k + 1] = offsets[k] + Require.square("module " + k, modules.get(k)).numRows;
        }
        int n = offsets[modules.size()];
        DMatrixRMaj w = new DMatrixRMaj(n, n);
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        double minRate = Double.POSITIVE_INFINITY;
        for (int k = 0; k < modules.size(); k++) {
            CommonOps_DDRM.insert(modules.get(k), w, offsets[k], offsets[k]);
            CommonOps_DDRM.insert(certificates.get(k).metric(), m, offsets[k], offsets[k]);
            minRate = Math.min(minRate, certificates.get(k).rate());
        }
        SplittableRandom rng = new SplittableRandom(seed);
        DMatrixRMaj b = new DMatrixRMaj(n, n);
        for (int bi = 0; bi < modules.size(); bi++) {
            for (int bj = 0; bj < modules.size(); bj++) {
                if (bi == bj) {
                    continue;
                }
                for (int i = offsets[bi]; i < offsets[bi + 1]; i++) {
                    for (int j = offsets[bj]; j < offsets[bj + 1]; j++) {
                        if (rng.nextDouble() < density) {
                            b.unsafe_set(i, j, scale * (2 * rng.nextDouble() - 1));
                        }
                    }
                }
            }
        }
        DMatrixRMaj l = skewInMetric(b, m);
        return new Assembly(w, l, m, offsets, certify(w, l, m, g, minRate, modules.size(), vertices, rng.nextLong()));
    }

    /** The assembly's certificate (see {@link #assemble}). */
    static Certificate certify(DMatrixRMaj w, DMatrixRMaj l, DMatrixRMaj m, double g, double minRate, int modules,
            int vertices, long seed) {
        int n = w.numRows;
        DMatrixRMaj ml = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(m, l, ml);
        DMatrixRMaj sym = new DMatrixRMaj(n, n);
        CommonOps_DDRM.transpose(ml, sym);
        CommonOps_DDRM.addEquals(sym, ml);
        double residual = io.github.attractor.core.linalg.Norms.spectral(sym) / 2 / Eigen.minSymmetric(m);
        double margin = minRate - residual;
        String name = "assembly (L = B - M⁻¹BᵀM)";
        if (!(margin > 0)) {
            return Certificate.fails(name, margin, String.format(
                    "the coupling is not skew in the metric: residual %.3g ≥ slowest module rate %.4g", residual, minRate));
        }
        double worst = SlopeBox.worstMeasure(w, g, m, l, seed, vertices);
        String scope = SlopeBox.exact(n) ? "all " + (1L << n) + " vertices" : vertices + " sampled vertices";
        if (worst > -margin + 1e-9) {
            return Certificate.fails(name, -worst, String.format(
                    "max μ_M(-I + WD + L) over %s of the slope box is %.4g, above the claimed -%.4g", scope, worst, margin));
        }
        return new Certificate(true, name, m, margin, margin, String.format(
                "%d certified modules; ML + LᵀM = 0 up to %.2g, so L keeps μ_M: rate ≥ slowest module rate %.4g - %.2g; "
                        + "max μ_M(-I + WD + L) over %s of the slope box = %.4g", modules, residual, minRate, residual,
                scope, worst));
    }

    /** {@code L = B - M⁻¹BᵀM}. */
    public static DMatrixRMaj skewInMetric(DMatrixRMaj b, DMatrixRMaj m) {
        int n = Require.square("B", b).numRows;
        Require.shape("M", m, n, n);
        DMatrixRMaj inv = new DMatrixRMaj(n, n);
        if (!CommonOps_DDRM.invert(m, inv)) {
            throw new InvalidInputException("M: singular metric");
        }
        DMatrixRMaj btm = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransA(b, m, btm);
        DMatrixRMaj l = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(-1, inv, btm, l);
        CommonOps_DDRM.addEquals(l, b);
        return l;
    }

    /** λ_max of {@code S x = λ M x} (S symmetric, M symmetric positive definite). */
    static double generalisedMax(DMatrixRMaj s, DMatrixRMaj m) {
        int n = s.numRows;
        // μ_M of A with sym(MA) = S: take A = M⁻¹S, then sym(MA) = S.
        DMatrixRMaj inv = new DMatrixRMaj(n, n);
        CommonOps_DDRM.invert(m, inv);
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(inv, s, a);
        return io.github.attractor.core.linalg.MatrixMeasure.mu2(a, m);
    }
}
