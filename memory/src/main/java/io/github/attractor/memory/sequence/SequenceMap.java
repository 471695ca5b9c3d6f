package io.github.attractor.memory.sequence;

import io.github.attractor.core.error.Require;
import io.github.attractor.core.field.DiscreteMap;
import io.github.attractor.core.linalg.Norms;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * The discrete sequence map, eq. (7) of the note and its weighted form:
 * <pre>
 *   V_f(t+1) = f(V_f(t)) = c Ξ (α_s I + α_c Φᵀ) Ξᵀ σ_f(V_f(t)) = M σ_f(V_f(t)),
 * </pre>
 * with patterns Ξ ({@code N_f × N_h}, column μ is pattern μ), transition Φ, activation σ_f ({@link Activation};
 * {@code sign} is allowed here) and an overall scale {@code c > 0} (1 unless {@link #scaled}/{@link #normalized}
 * is used). The note's (7) is {@code α_s = α_c = c = 1}.
 *
 * <p>Derivation (note, eqs. (3)–(7)): with {@code T_h, T_d → 0} the hidden and delay populations of (1) follow
 * instantly, {@code V_d = σ_f(V_f)} and (for {@code σ_h = id}) {@code V_h = √α_s Ξᵀσ_f + α_c ΦᵀΞᵀσ_f}; an Euler
 * step of length {@code T_f} on V_f then gives {@code V_f(t+1) = Ξ(α_s I + √α_s α_c Φᵀ)Ξᵀσ_f(V_f)}. The
 * transition weight that (1) produces is thus {@code √α_s·α_c}, which equals α_c for {@code α_s = 1}; this class
 * takes the weights as given, {@code α_s I + α_c Φᵀ}.
 *
 * <p>The conjugate RNN (10) is {@link #conjugate()}: {@code g(V') = σ_f(M V')}. For invertible σ_f,
 * {@code h = σ_f} maps orbits of f onto orbits of g ({@code h∘f = g∘h}, eq. (11)); {@link #conjugacy} and
 * {@link #orbitConjugacyError} check this numerically. {@link #replay} iterates f and reports the overlaps
 * {@code m_μ(t) = (1/N_f) ξ_μ · σ_f(V_f(t))} with every stored pattern (for ±1 patterns and σ = sign this is the
 * usual overlap in [-1, 1]).
 */
public final class SequenceMap implements DiscreteMap {
    private final DMatrixRMaj xi;
    /** B = α_s I + α_c Φᵀ (N_h × N_h). */
    private final DMatrixRMaj b;
    private final double alphaS;
    private final double alphaC;
    private final double scale;
    private final Activation sigma;
    private final int nf;
    private final int nh;

    private SequenceMap(DMatrixRMaj xi, DMatrixRMaj b, double alphaS, double alphaC, double scale,
            Activation sigma) {
        this.xi = xi;
        this.b = b;
        this.alphaS = alphaS;
        this.alphaC = alphaC;
        this.scale = scale;
        this.sigma = sigma;
        this.nf = xi.numRows;
        this.nh = xi.numCols;
    }

    /**
     * The map {@code V ↦ Ξ(α_s I + α_c Φᵀ)Ξᵀ σ(V)}.
     *
     * @param xi    Ξ, {@code N_f × N_h} (copied)
     * @param phi   Φ, {@code N_h × N_h}
     * @param sigma σ_f
     */
    public static SequenceMap of(DMatrixRMaj xi, DMatrixRMaj phi, double alphaS, double alphaC, Activation sigma) {
        Require.finite("patterns Xi", xi);
        Require.that(xi.numRows >= 1 && xi.numCols >= 1, "patterns Xi must be non-empty, got " + xi.numRows + "x"
                + xi.numCols);
        Require.shape("transition Phi", phi, xi.numCols, xi.numCols);
        Require.finite("transition Phi", phi);
        Require.that(Double.isFinite(alphaS) && Double.isFinite(alphaC), "alpha_s and alpha_c must be finite, got "
                + alphaS + ", " + alphaC);
        Objects.requireNonNull(sigma, "sigma");
        int nh = xi.numCols;
        DMatrixRMaj b = new DMatrixRMaj(nh, nh);
        CommonOps_DDRM.transpose(phi, b);
        CommonOps_DDRM.scale(alphaC, b);
        for (int m = 0; m < nh; m++) {
            b.add(m, m, alphaS);
        }
        return new SequenceMap(xi.copy(), b, alphaS, alphaC, 1.0, sigma);
    }

    /** The same map with overall scale {@code c > 0}: {@code M = c Ξ(α_s I + α_c Φᵀ)Ξᵀ}. */
    public SequenceMap scaled(double c) {
        Require.that(c > 0 && Double.isFinite(c), "scale must be finite and > 0, got " + c);
        return new SequenceMap(xi, b, alphaS, alphaC, c, sigma);
    }

    /**
     * The same map scaled to {@code ‖M‖₂ = 1}, the note's condition {@code ‖Ξ(I + Φᵀ)Ξᵀ‖ ≤ 1} met with
     * equality. A positive scale does not change the orbits of σ = sign.
     */
    public SequenceMap normalized() {
        double norm = operatorNorm();
        Require.that(norm > 0, "the map is zero (||M||_2 = 0) and cannot be normalised");
        return scaled(scale / norm);
    }

    /**
     * {@code ‖M‖₂}, from the thin QR factorisation {@code Ξ = QR}: {@code ‖c Q R B Rᵀ Qᵀ‖₂ = c ‖R B Rᵀ‖₂}, an
     * {@code N_h × N_h} problem (the dense {@code N_f × N_f} matrix when {@code N_f < N_h}).
     */
    public double operatorNorm() {
        if (nf < nh) {
            return Norms.spectral(matrix());
        }
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(nf, nh);
        if (!qr.decompose(xi.copy())) {
            return Norms.spectral(matrix());
        }
        DMatrixRMaj r = qr.getR(null, true);
        DMatrixRMaj rb = new DMatrixRMaj(nh, nh);
        CommonOps_DDRM.mult(r, b, rb);
        DMatrixRMaj rbr = new DMatrixRMaj(nh, nh);
        CommonOps_DDRM.multTransB(rb, r, rbr);
        return scale * Norms.spectral(rbr);
    }

    /** The dense {@code M = c Ξ(α_s I + α_c Φᵀ)Ξᵀ} ({@code N_f × N_f}). */
    public DMatrixRMaj matrix() {
        DMatrixRMaj xb = new DMatrixRMaj(nf, nh);
        CommonOps_DDRM.mult(xi, b, xb);
        DMatrixRMaj m = new DMatrixRMaj(nf, nf);
        CommonOps_DDRM.multTransB(scale, xb, xi, m);
        return m;
    }

    public Activation activation() {
        return sigma;
    }

    public double alphaS() {
        return alphaS;
    }

    public double alphaC() {
        return alphaC;
    }

    /** The overall scale c. */
    public double scale() {
        return scale;
    }

    /** Number of feature neurons N_f. */
    @Override
    public int dimension() {
        return nf;
    }

    /** Number of stored patterns N_h. */
    public int patternCount() {
        return nh;
    }

    /** {@code out = M v} in {@code O(N_f N_h)}: {@code c Ξ (B (Ξᵀ v))}. */
    void multiply(double[] v, double[] out) {
        double[] t = new double[nh];
        Dense.multTransposed(xi, v, t);
        double[] u = new double[nh];
        Dense.mult(b, t, u);
        Dense.mult(xi, u, out);
        if (scale != 1.0) {
            for (int i = 0; i < nf; i++) {
                out[i] *= scale;
            }
        }
    }

    /** {@code out = M σ(x)}. */
    @Override
    public void apply(double[] x, double[] out) {
        Require.length("state", x, nf);
        Require.length("out", out, nf);
        multiply(sigma.apply(x), out);
    }

    @Override
    public boolean hasAnalyticJacobian() {
        return true;
    }

    /** {@code Df(x) = M Dσ(x)} (zero for σ = sign, where the derivative exists). */
    @Override
    public void jacobian(double[] x, DMatrixRMaj out) {
        DMatrixRMaj ds = new DMatrixRMaj(nf, nf);
        sigma.jacobian(x, ds);
        out.reshape(nf, nf);
        CommonOps_DDRM.mult(matrix(), ds, out);
    }

    /** The conjugate RNN (10), {@code g(V') = σ_f(M V')}. */
    public ConjugateRnn conjugate() {
        return new ConjugateRnn(this);
    }

    /** The overlaps {@code m_μ = (1/N_f) ξ_μ · σ(v)} of σ(v) with every stored pattern (column of Ξ). */
    public double[] overlaps(double[] v) {
        Require.length("state", v, nf);
        double[] s = sigma.apply(v);
        double[] m = new double[nh];
        Dense.multTransposed(xi, s, m);
        for (int mu = 0; mu < nh; mu++) {
            m[mu] /= nf;
        }
        return m;
    }

    /**
     * Iterates f from {@code v0} for {@code steps} steps: states {@code V_f(0..steps)} and, at each, the overlaps
     * of {@code σ(V_f(t))} with every pattern.
     */
    public Replay replay(double[] v0, int steps) {
        Require.length("initial state", v0, nf);
        Require.finite("initial state", v0);
        Require.that(steps >= 0, "steps must be >= 0, got " + steps);
        double[][] states = new double[steps + 1][];
        double[][] overlaps = new double[steps + 1][];
        states[0] = v0.clone();
        overlaps[0] = overlaps(v0);
        for (int t = 1; t <= steps; t++) {
            states[t] = new double[nf];
            apply(states[t - 1], states[t]);
            overlaps[t] = overlaps(states[t]);
        }
        return new Replay(states, overlaps);
    }

    /**
     * The conjugacy (11) checked at {@code samples} random points {@code x ~ N(0, spread² I)}: per point
     * {@code e(x) = h⁻¹(g(h(x))) - f(x)} with {@code h = σ_f}. Requires an invertible σ_f.
     *
     * <p>Precision: {@code h⁻¹(g(h(x))) = atanh(tanh(f(x)))} (for tanh) carries the rounding of tanh amplified
     * by {@code d atanh/dy = 1/(1 - y²)}, an absolute error of about {@code ε e^{2|f|}/4} for large |f|; once
     * {@code tanh(f)} rounds to ±1 it is lost entirely (reported as an infinite error). The check is therefore
     * at round-off level only where f(x) is moderate, which is why the sampling spread and the map's scale are
     * the caller's choice (the normalised map, {@code ‖M‖₂ = 1}, with {@code spread ~ 1} keeps {@code |f| ≲ 1}).
     */
    public ConjugacyCheck conjugacy(int samples, double spread, RandomGenerator rng) {
        Require.that(sigma.invertible(), "conjugacy (11) needs an invertible activation, got " + sigma.name());
        Require.that(samples >= 1, "samples must be >= 1, got " + samples);
        Require.that(spread > 0 && Double.isFinite(spread), "spread must be finite and > 0, got " + spread);
        Objects.requireNonNull(rng, "rng");
        ConjugateRnn g = conjugate();
        double maxAbs = 0;
        double maxRel = 0;
        double maxF = 0;
        int saturated = 0;
        double[] x = new double[nf];
        double[] fx = new double[nf];
        double[] ghx = new double[nf];
        double[] back = new double[nf];
        for (int k = 0; k < samples; k++) {
            for (int i = 0; i < nf; i++) {
                x[i] = spread * rng.nextGaussian();
            }
            apply(x, fx);
            g.apply(sigma.apply(x), ghx);
            boolean lost = false;
            for (double v : ghx) {
                if (!(Math.abs(v) < 1) && sigma instanceof Activation.Tanh) {
                    lost = true;
                    break;
                }
            }
            double fNorm = 0;
            for (double v : fx) {
                fNorm = Math.max(fNorm, Math.abs(v));
            }
            maxF = Math.max(maxF, fNorm);
            if (lost) {
                saturated++;
                maxAbs = Double.POSITIVE_INFINITY;
                maxRel = Double.POSITIVE_INFINITY;
                continue;
            }
            sigma.inverse(ghx, back);
            double err = 0;
            for (int i = 0; i < nf; i++) {
                err = Math.max(err, Math.abs(back[i] - fx[i]));
            }
            maxAbs = Math.max(maxAbs, err);
            maxRel = Math.max(maxRel, fNorm > 0 ? err / fNorm : err);
        }
        return new ConjugacyCheck(samples, maxAbs, maxRel, maxF, saturated);
    }

    /**
     * The conjugacy along an orbit, without any inverse: {@code max_t ‖σ(f^t(v0)) - g^t(σ(v0))‖∞} for
     * {@code t = 0..steps}, which is zero in exact arithmetic for every σ (invertible or not) since
     * {@code σ∘f = g∘σ}.
     */
    public double orbitConjugacyError(double[] v0, int steps) {
        Replay r = replay(v0, steps);
        ConjugateRnn g = conjugate();
        double[] vp = sigma.apply(v0);
        double[] next = new double[nf];
        double worst = 0;
        for (int t = 0; t <= steps; t++) {
            double[] sf = sigma.apply(r.states()[t]);
            for (int i = 0; i < nf; i++) {
                worst = Math.max(worst, Math.abs(sf[i] - vp[i]));
            }
            if (t < steps) {
                g.apply(vp, next);
                double[] tmp = vp;
                vp = next;
                next = tmp;
            }
        }
        return worst;
    }
}
