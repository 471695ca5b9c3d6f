package io.github.attractor.memory.sequence;

import io.github.attractor.core.energy.Energy;
import io.github.attractor.core.error.Require;
import io.github.attractor.core.error.ShapeMismatchException;
import io.github.attractor.core.field.VectorField;
import io.github.attractor.core.ode.Trajectory;
import io.github.attractor.memory.lagrangian.Lagrangian;
import java.util.Arrays;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The three-population sequence memory, system (1) of the note, as a vector field on the concatenated state
 * {@code x = (V_f, V_h, V_d) ∈ R^{N_f + N_h + N_f}}:
 * <pre>
 *   T_f dV_f/dt = √α_s Ξ σ_h(V_h) - V_f,
 *   T_h dV_h/dt = √α_s Ξᵀ σ_f(V_f) + α_c Φᵀ Ξᵀ V_d - V_h,
 *   T_d dV_d/dt = σ_f(V_f) - V_d,
 * </pre>
 * with patterns Ξ ({@code N_f × N_h}, column μ is pattern μ), transition Φ ({@code N_h × N_h}), strengths
 * {@code α_s ≥ 0}, α_c, time constants {@code T_f, T_h, T_d > 0}, and activations {@code σ_f = ∇L_f},
 * {@code σ_h = ∇L_h} from Lagrangians (the note takes {@code σ_h(X) = X}, {@code L_h = ½‖V_h‖²}).
 *
 * <p>The energy (2) of the note,
 * <pre>
 *   E = [V_fᵀσ_f(V_f) - L_f] + [V_hᵀσ_h(V_h) - L_h] - √α_s σ_f(V_f)ᵀ Ξ σ_h(V_h) - α_c V_dᵀ Ξ Φ σ_h(V_h),
 * </pre>
 * is {@link #energy()}, with the analytic gradient
 * <pre>
 *   ∂E/∂V_f = Λ_f (V_f - √α_s Ξ σ_h) = -T_f Λ_f dV_f/dt,
 *   ∂E/∂V_h = Λ_h (V_h - √α_s Ξᵀσ_f - α_c ΦᵀΞᵀV_d) = -T_h Λ_h dV_h/dt,
 *   ∂E/∂V_d = -α_c Ξ Φ σ_h(V_h).
 * </pre>
 * Along trajectories therefore ({@link #energyRate})
 * <pre>
 *   dE/dt = -T_f V̇_fᵀΛ_f V̇_f - T_h V̇_hᵀΛ_h V̇_h - (α_c/T_d) (ΞΦσ_h(V_h))ᵀ (σ_f(V_f) - V_d).
 * </pre>
 * The first two terms are ≤ 0 for convex Lagrangians; the third, from the delay population, has no sign:
 * the V_d equation is not a gradient flow of E (V_d drives V_h through {@code α_c ΦᵀΞᵀ}, but V_h does not act
 * back on V_d). <b>E is therefore not a Lyapunov function in general</b>, and this class does not claim it is
 * (it is an {@link Energy}, not an {@link io.github.attractor.core.energy.EnergyModel}). Indeed a trajectory
 * that replays a cyclic sequence returns near its start, so no function of the state can decrease strictly
 * along it. Use {@link EnergyMonotonicity#of(Trajectory)} and {@link #maxEnergyRate(Trajectory)} to measure
 * whether E happened to decrease along a given run.
 *
 * <p>The Jacobian is analytic (dense, with the Lagrangians' Hessians Λ_f, Λ_h). Evaluation allocates its
 * scratch per call, so the field is thread-safe.
 */
public final class SequenceMemory implements VectorField {
    private final DMatrixRMaj xi;
    private final DMatrixRMaj xiPhi;
    private final double alphaS;
    private final double sqrtAlphaS;
    private final double alphaC;
    private final double tf;
    private final double th;
    private final double td;
    private final Lagrangian lf;
    private final Lagrangian lh;
    private final int nf;
    private final int nh;
    private final Energy energy = new Energy2();

    /**
     * @param xi     Ξ, {@code N_f × N_h} (copied)
     * @param phi    Φ, {@code N_h × N_h} (copied)
     * @param alphaS α_s ≥ 0 (its square root enters (1))
     * @param alphaC α_c
     * @param tf     T_f &gt; 0
     * @param th     T_h &gt; 0
     * @param td     T_d &gt; 0
     * @param lf     Lagrangian of the feature neurons, {@code σ_f = ∇L_f}
     * @param lh     Lagrangian of the hidden neurons, {@code σ_h = ∇L_h}
     */
    public SequenceMemory(DMatrixRMaj xi, DMatrixRMaj phi, double alphaS, double alphaC, double tf, double th,
            double td, Lagrangian lf, Lagrangian lh) {
        Require.finite("patterns Xi", xi);
        Require.that(xi.numRows >= 1 && xi.numCols >= 1, "patterns Xi must be non-empty, got " + xi.numRows + "x"
                + xi.numCols);
        Require.shape("transition Phi", phi, xi.numCols, xi.numCols);
        Require.finite("transition Phi", phi);
        Require.that(alphaS >= 0 && Double.isFinite(alphaS), "alpha_s must be finite and >= 0, got " + alphaS);
        Require.that(Double.isFinite(alphaC), "alpha_c must be finite, got " + alphaC);
        Require.that(tf > 0 && th > 0 && td > 0 && Double.isFinite(tf) && Double.isFinite(th) && Double.isFinite(td),
                "time constants must be finite and > 0, got T_f=" + tf + ", T_h=" + th + ", T_d=" + td);
        this.lf = Objects.requireNonNull(lf, "L_f");
        this.lh = Objects.requireNonNull(lh, "L_h");
        this.nf = xi.numRows;
        this.nh = xi.numCols;
        checkDimension("L_f", lf, nf);
        checkDimension("L_h", lh, nh);
        this.xi = xi.copy();
        this.xiPhi = new DMatrixRMaj(nf, nh);
        CommonOps_DDRM.mult(this.xi, phi, this.xiPhi);
        this.alphaS = alphaS;
        this.sqrtAlphaS = Math.sqrt(alphaS);
        this.alphaC = alphaC;
        this.tf = tf;
        this.th = th;
        this.td = td;
    }

    /** The system with unit time constants {@code T_f = T_h = T_d = 1}. */
    public static SequenceMemory of(DMatrixRMaj xi, DMatrixRMaj phi, double alphaS, double alphaC, Lagrangian lf,
            Lagrangian lh) {
        return new SequenceMemory(xi, phi, alphaS, alphaC, 1, 1, 1, lf, lh);
    }

    private static void checkDimension(String what, Lagrangian l, int n) {
        int fixed = l.fixedDimension();
        if (fixed >= 0 && fixed != n) {
            throw new ShapeMismatchException(what + " (" + l.name() + ") needs " + fixed + " neurons, the population has "
                    + n);
        }
    }

    /** Number of feature neurons N_f. */
    public int featureCount() {
        return nf;
    }

    /** Number of hidden neurons N_h (= number of patterns). */
    public int hiddenCount() {
        return nh;
    }

    @Override
    public int dimension() {
        return 2 * nf + nh;
    }

    /** The state {@code (V_f, V_h, V_d)} assembled from its parts. */
    public double[] state(double[] vf, double[] vh, double[] vd) {
        Require.length("V_f", vf, nf);
        Require.length("V_h", vh, nh);
        Require.length("V_d", vd, nf);
        double[] x = new double[dimension()];
        System.arraycopy(vf, 0, x, 0, nf);
        System.arraycopy(vh, 0, x, nf, nh);
        System.arraycopy(vd, 0, x, nf + nh, nf);
        return x;
    }

    /** V_f of a state. */
    public double[] featurePart(double[] x) {
        return Arrays.copyOfRange(x, 0, nf);
    }

    /** V_h of a state. */
    public double[] hiddenPart(double[] x) {
        return Arrays.copyOfRange(x, nf, nf + nh);
    }

    /** V_d of a state. */
    public double[] delayPart(double[] x) {
        return Arrays.copyOfRange(x, nf + nh, 2 * nf + nh);
    }

    /** The activations and products one evaluation needs. */
    private final class Parts {
        final double[] vf;
        final double[] vh;
        final double[] vd;
        final double[] gf = new double[nf];
        final double[] gh = new double[nh];
        /** Ξ σ_h(V_h). */
        final double[] xiGh = new double[nf];
        /** Ξᵀ σ_f(V_f). */
        final double[] xiTgf = new double[nh];
        /** Φᵀ Ξᵀ V_d = (ΞΦ)ᵀ V_d. */
        final double[] phiTxiTvd = new double[nh];

        Parts(double[] x) {
            Require.length("state", x, dimension());
            vf = featurePart(x);
            vh = hiddenPart(x);
            vd = delayPart(x);
            lf.activation(vf, gf);
            lh.activation(vh, gh);
            Dense.mult(xi, gh, xiGh);
            Dense.multTransposed(xi, gf, xiTgf);
            Dense.multTransposed(xiPhi, vd, phiTxiTvd);
        }

        /** Writes (1) into out. */
        void field(double[] out) {
            for (int i = 0; i < nf; i++) {
                out[i] = (sqrtAlphaS * xiGh[i] - vf[i]) / tf;
                out[nf + nh + i] = (gf[i] - vd[i]) / td;
            }
            for (int m = 0; m < nh; m++) {
                out[nf + m] = (sqrtAlphaS * xiTgf[m] + alphaC * phiTxiTvd[m] - vh[m]) / th;
            }
        }
    }

    @Override
    public void evaluate(double t, double[] x, double[] out) {
        Require.length("out", out, dimension());
        new Parts(x).field(out);
    }

    @Override
    public boolean hasAnalyticJacobian() {
        return true;
    }

    /**
     * The block Jacobian of (1):
     * <pre>
     *   [ -I/T_f            √α_s Ξ Λ_h / T_f    0               ]
     *   [ √α_s Ξᵀ Λ_f / T_h  -I/T_h             α_c ΦᵀΞᵀ / T_h  ]
     *   [ Λ_f / T_d          0                  -I/T_d          ]
     * </pre>
     */
    @Override
    public void jacobian(double t, double[] x, DMatrixRMaj out) {
        int n = dimension();
        Require.length("state", x, n);
        out.reshape(n, n);
        out.zero();
        double[] vf = featurePart(x);
        double[] vh = hiddenPart(x);
        DMatrixRMaj lamF = new DMatrixRMaj(nf, nf);
        DMatrixRMaj lamH = new DMatrixRMaj(nh, nh);
        lf.hessian(vf, lamF);
        lh.hessian(vh, lamH);
        DMatrixRMaj xiLamH = new DMatrixRMaj(nf, nh);
        CommonOps_DDRM.mult(xi, lamH, xiLamH);
        DMatrixRMaj xiTLamF = new DMatrixRMaj(nh, nf);
        CommonOps_DDRM.multTransA(xi, lamF, xiTLamF);
        int oh = nf;
        int od = nf + nh;
        for (int i = 0; i < nf; i++) {
            out.unsafe_set(i, i, -1.0 / tf);
            out.unsafe_set(od + i, od + i, -1.0 / td);
            for (int m = 0; m < nh; m++) {
                out.unsafe_set(i, oh + m, sqrtAlphaS * xiLamH.unsafe_get(i, m) / tf);
            }
            for (int j = 0; j < nf; j++) {
                out.unsafe_set(od + i, j, lamF.unsafe_get(i, j) / td);
            }
        }
        for (int m = 0; m < nh; m++) {
            out.unsafe_set(oh + m, oh + m, -1.0 / th);
            for (int j = 0; j < nf; j++) {
                out.unsafe_set(oh + m, j, sqrtAlphaS * xiTLamF.unsafe_get(m, j) / th);
                out.unsafe_set(oh + m, od + j, alphaC * xiPhi.unsafe_get(j, m) / th);
            }
        }
    }

    /**
     * Energy (2) of the note with its analytic gradient. Not a Lyapunov function in general; see the class
     * documentation.
     */
    public Energy energy() {
        return energy;
    }

    /** The terms of {@code dE/dt = ∇E · f} at a state. */
    public record EnergyRate(double featureDissipation, double hiddenDissipation, double delayTerm) {
        /** {@code dE/dt}, the sum of the three terms. */
        public double total() {
            return featureDissipation + hiddenDissipation + delayTerm;
        }
    }

    /**
     * {@code dE/dt} at x split as {@code -T_f V̇_fᵀΛ_fV̇_f} (≤ 0 for convex L_f), {@code -T_h V̇_hᵀΛ_hV̇_h}
     * (≤ 0 for convex L_h) and the indefinite {@code -(α_c/T_d)(ΞΦσ_h)ᵀ(σ_f - V_d)}.
     */
    public EnergyRate energyRate(double[] x) {
        Parts p = new Parts(x);
        double[] f = new double[dimension()];
        p.field(f);
        double[] ff = Arrays.copyOfRange(f, 0, nf);
        double[] fh = Arrays.copyOfRange(f, nf, nf + nh);
        double[] lamFf = new double[nf];
        double[] lamHf = new double[nh];
        lf.hessianTimes(p.vf, ff, lamFf);
        lh.hessianTimes(p.vh, fh, lamHf);
        double[] xiPhiGh = new double[nf];
        Dense.mult(xiPhi, p.gh, xiPhiGh);
        double delay = 0;
        for (int i = 0; i < nf; i++) {
            delay += xiPhiGh[i] * (p.gf[i] - p.vd[i]);
        }
        return new EnergyRate(-tf * Dense.dot(ff, lamFf), -th * Dense.dot(fh, lamHf), -alphaC * delay / td);
    }

    /**
     * The largest {@code dE/dt} over the recorded states of a trajectory of this field (positive means E
     * was increasing there).
     *
     * @throws io.github.attractor.core.error.InvalidInputException if the trajectory has no recorded states
     */
    public double maxEnergyRate(Trajectory trajectory) {
        Require.that(trajectory.hasStates(), "trajectory: states were not recorded");
        double max = Double.NEGATIVE_INFINITY;
        for (double[] x : trajectory.states()) {
            max = Math.max(max, energyRate(x).total());
        }
        return max;
    }

    /** Energy (2). */
    private final class Energy2 implements Energy {
        @Override
        public double value(double[] x) {
            Parts p = new Parts(x);
            double[] xiPhiGh = new double[nf];
            Dense.mult(xiPhi, p.gh, xiPhiGh);
            return lf.legendre(p.vf) + lh.legendre(p.vh) - sqrtAlphaS * Dense.dot(p.gf, p.xiGh)
                    - alphaC * Dense.dot(p.vd, xiPhiGh);
        }

        @Override
        public void gradient(double[] x, double[] out) {
            Require.length("out", out, dimension());
            Parts p = new Parts(x);
            double[] rf = new double[nf];
            double[] rh = new double[nh];
            for (int i = 0; i < nf; i++) {
                rf[i] = p.vf[i] - sqrtAlphaS * p.xiGh[i];
            }
            for (int m = 0; m < nh; m++) {
                rh[m] = p.vh[m] - sqrtAlphaS * p.xiTgf[m] - alphaC * p.phiTxiTvd[m];
            }
            double[] gf = new double[nf];
            double[] gh = new double[nh];
            lf.hessianTimes(p.vf, rf, gf);
            lh.hessianTimes(p.vh, rh, gh);
            double[] xiPhiGh = new double[nf];
            Dense.mult(xiPhi, p.gh, xiPhiGh);
            System.arraycopy(gf, 0, out, 0, nf);
            System.arraycopy(gh, 0, out, nf, nh);
            for (int i = 0; i < nf; i++) {
                out[nf + nh + i] = -alphaC * xiPhiGh[i];
            }
        }
    }

    @Override
    public String toString() {
        return "SequenceMemory[N_f=" + nf + ", N_h=" + nh + ", alpha_s=" + alphaS + ", alpha_c=" + alphaC + ", T=("
                + tf + ", " + th + ", " + td + "), L_f=" + lf.name() + ", L_h=" + lh.name() + "]";
    }
}
