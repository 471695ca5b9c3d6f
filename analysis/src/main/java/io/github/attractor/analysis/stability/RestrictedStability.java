package io.github.attractor.analysis.stability;

import io.github.attractor.core.fixed.Verdict;
import io.github.attractor.core.linalg.Eigen;
import io.github.attractor.core.linalg.Spectrum;
import io.github.attractor.core.linalg.Subspaces;
import io.github.attractor.memory.network.Network;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Proposition 4.2 of "Associative memory and dead neurons": at a steady state y* of (1) with dead
 * directions V (null space of Λ), stability is decided on the range of the Hessian by
 * <pre>
 *   S = W⊥ Λ⊥ - I,   W⊥ = V⊥ᵀ W V⊥,   Λ⊥ = V⊥ᵀ Λ V⊥,
 * </pre>
 * with {@code V⊥} an orthonormal basis of the range of Λ. Since {@code ΛV = 0}, the Jacobian
 * {@code WΛ - I} is block triangular in {@code [V⊥, V]} and its spectrum is that of S plus {@code -1}
 * (k times): dead neurons never destabilise.
 */
public record RestrictedStability(DMatrixRMaj rangeBasis, DMatrixRMaj s, Spectrum spectrum, Verdict verdict) {

    /** S and its verdict at {@code y} of {@code net}, with the range of Λ(y) cut at {@code rankTol}. */
    public static RestrictedStability at(Network net, double[] y, double rankTol, double margin) {
        int n = net.size();
        DMatrixRMaj lam = new DMatrixRMaj(n, n);
        net.lagrangian().hessian(y, lam);
        DMatrixRMaj vp = Subspaces.symmetricRange(lam, rankTol);
        int r = vp.numCols;
        if (r == 0) {
            DMatrixRMaj s = new DMatrixRMaj(0, 0);
            return new RestrictedStability(vp, s, new Spectrum(new double[0], new double[0]), Verdict.STABLE);
        }
        DMatrixRMaj wp = project(net.weights(), vp);
        DMatrixRMaj lp = project(lam, vp);
        DMatrixRMaj s = new DMatrixRMaj(r, r);
        CommonOps_DDRM.mult(wp, lp, s);
        for (int i = 0; i < r; i++) {
            s.add(i, i, -1);
        }
        Spectrum spec = Eigen.eigenvalues(s);
        return new RestrictedStability(vp, s, spec, Verdict.ofFlow(spec, margin));
    }

    /** {@code Vᵀ A V}. */
    static DMatrixRMaj project(DMatrixRMaj a, DMatrixRMaj v) {
        DMatrixRMaj av = new DMatrixRMaj(a.numRows, v.numCols);
        CommonOps_DDRM.mult(a, v, av);
        DMatrixRMaj out = new DMatrixRMaj(v.numCols, v.numCols);
        CommonOps_DDRM.multTransA(v, av, out);
        return out;
    }
}
