package io.github.attractor.memory.sequence;

import io.github.attractor.core.error.Require;
import io.github.attractor.core.field.DiscreteMap;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The recurrent network (10) of the note, conjugate to the sequence map (7):
 * <pre>
 *   V'(t+1) = g(V'(t)) = σ_f(M V'(t)),     M = c Ξ(α_s I + α_c Φᵀ)Ξᵀ,
 * </pre>
 * an RNN without bias. With {@code h = σ_f}, {@code g∘h = h∘f} for the map f of {@link SequenceMap}, so
 * {@code V'(t) = σ_f(V_f(t))}; for invertible σ_f this is (11), {@code h⁻¹∘g∘h = f}. Note that for tanh, h
 * maps {@code R^N} onto the open cube {@code (-1, 1)^N}, not onto {@code R^N}: g is conjugate to f as a map
 * restricted to that cube (which contains g's whole image), not on all of {@code R^N}.
 */
public final class ConjugateRnn implements DiscreteMap {
    private final SequenceMap map;

    ConjugateRnn(SequenceMap map) {
        this.map = map;
    }

    @Override
    public int dimension() {
        return map.dimension();
    }

    /** {@code out = σ_f(M v)}. */
    @Override
    public void apply(double[] v, double[] out) {
        int n = dimension();
        Require.length("state", v, n);
        Require.length("out", out, n);
        double[] z = new double[n];
        map.multiply(v, z);
        map.activation().apply(z, out);
    }

    @Override
    public boolean hasAnalyticJacobian() {
        return true;
    }

    /** {@code Dg(v) = Dσ(Mv) M}. */
    @Override
    public void jacobian(double[] v, DMatrixRMaj out) {
        int n = dimension();
        double[] z = new double[n];
        map.multiply(v, z);
        DMatrixRMaj ds = new DMatrixRMaj(n, n);
        map.activation().jacobian(z, ds);
        out.reshape(n, n);
        CommonOps_DDRM.mult(ds, map.matrix(), out);
    }
}
