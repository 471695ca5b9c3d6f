package io.github.attractor.learn.elcd;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.SingularProblemException;
import io.github.attractor.learn.dynamics.LearnedDynamics;
import io.github.attractor.learn.flow.Flow;
import io.github.attractor.learn.flow.FlowJacobian;
import io.github.attractor.learn.flow.InvertibleLayer;
import io.github.attractor.learn.flow.LuLinear;
import io.github.attractor.learn.flow.Permutation;
import io.github.attractor.learn.flow.RationalQuadraticSpline;
import io.github.attractor.learn.flow.SplineCoupling;
import io.github.attractor.learn.nn.Activation;
import io.github.attractor.learn.tape.Node;
import io.github.attractor.learn.tape.Parameter;
import io.github.attractor.learn.tape.Tape;
import java.util.ArrayList;
import java.util.List;

/**
 * ELCD with a learned diffeomorphism (Sections 4.3.3–4.3.6): {@code z = φ(x)}, latent ELCD
 * {@code ż = A(z)(z − z*)} with {@code z* = φ(x*)} and {@code ẋ = Dφ(x)^{-1} ż = Dφ^{-1}(z) ż}. Contraction of the
 * latent system in the identity metric makes the x-system contracting in the metric {@code Dφ(x)ᵀDφ(x)}.
 * φ is composed as in Section 4.5: Perm+LU-linear, rational-quadratic spline coupling (10 bins, tail bound 10,
 * conditioner MLP with two hidden layers of 30), Perm+LU-linear, spline coupling, Perm+LU-linear.
 *
 * <p>On the tape (which has no forward mode) the Jacobian–vector product is the central difference
 * {@code ẋ ≈ (φ^{-1}(z + εż) − φ^{-1}(z − εż)) / 2ε} with the per-sample step {@code ε = 1e-5 / max(1, ‖ż‖)}: the
 * truncation error is {@code O(ε²‖ż‖³‖D³φ^{-1}‖)} and the rounding error {@code O(u‖z‖/ε)}, both about 1e-10 to
 * 1e-11 for unit-scale states, i.e. ~1e-8 relative accuracy or better (tested against {@link FlowJacobian}).
 * {@link #evaluate} (rollouts) solves {@code Dφ(x) ẋ = ż} with the exact Jacobian.
 */
public final class ElcdFlow implements LearnedDynamics {
    /** Relative step of the central difference. */
    public static final double EPS = 1e-5;

    private final Elcd latent;
    private final Flow phi;
    private final int d;
    private final String kind;

    /**
     * @param d state dimension (at least 2, couplings split the coordinates)
     * @param hidden hidden width of P_s and P_a
     * @param alpha contraction rate α of the latent system
     * @param equilibrium the (initial) x*
     * @param learnEquilibrium whether x* is trained
     * @param identityInit whether the coupling layers start at the identity
     * @param seed initialisation seed
     */
    public ElcdFlow(int d, int hidden, double alpha, double[] equilibrium, boolean learnEquilibrium,
            boolean identityInit, long seed) {
        if (d < 2) {
            throw new InvalidInputException("elcd-flow: needs dimension at least 2, got " + d);
        }
        this.d = d;
        this.latent = new Elcd(d, hidden, alpha, equilibrium, learnEquilibrium, seed);
        RationalQuadraticSpline spline = new RationalQuadraticSpline(10, 10.0);
        int[] h = {30, 30};
        this.phi = new Flow(
                Permutation.random(d, seed + 11), new LuLinear("flow.lu0", d, seed + 12),
                SplineCoupling.withMlp("flow.c1", d, false, h, Activation.TANH, spline, seed + 13, identityInit),
                Permutation.random(d, seed + 14), new LuLinear("flow.lu1", d, seed + 15),
                SplineCoupling.withMlp("flow.c2", d, true, h, Activation.TANH, spline, seed + 16, identityInit),
                Permutation.random(d, seed + 17), new LuLinear("flow.lu2", d, seed + 18));
        this.kind = "elcd-flow";
    }

    private ElcdFlow(Elcd latent, Flow phi, String kind) {
        this.d = latent.dimension();
        this.latent = latent;
        this.phi = phi;
        this.kind = kind;
    }

    /**
     * ELCD with a learned linear transform {@code z = W x} only (W = PLU, Section 4.3.4), kind {@code "elcd-linear"}:
     * the latent system is contracting in the identity metric, the x-system in the constant metric {@code WᵀW}.
     */
    public static ElcdFlow linear(int d, int hidden, double alpha, double[] equilibrium, boolean learnEquilibrium,
            long seed) {
        return new ElcdFlow(new Elcd(d, hidden, alpha, equilibrium, learnEquilibrium, seed),
                new Flow(new LuLinear("flow.lu0", d, seed + 12)), "elcd-linear");
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public int dimension() {
        return d;
    }

    @Override
    public double[] equilibrium() {
        return latent.equilibrium();
    }

    /** The latent ELCD (its equilibrium parameter is x*, mapped through φ). */
    public Elcd latent() {
        return latent;
    }

    /** The diffeomorphism φ. */
    public InvertibleLayer flow() {
        return phi;
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> p = new ArrayList<>(latent.parameters());
        p.addAll(phi.parameters());
        return p;
    }

    /** {@code z* = φ(x*)} as a [d] node. */
    Node latentEquilibrium(Tape tape) {
        return phi.forward(latent.equilibrium(tape).reshape(1, d)).output().reshape(d);
    }

    /** The latent velocities {@code ż = A(z)(z − z*)} at {@code z = φ(x)}, [B,d] → [B,d]. */
    public Node latentVelocity(Tape tape, Node z) {
        return latent.velocity(tape, z, latentEquilibrium(tape));
    }

    @Override
    public Node velocity(Tape tape, Node states) {
        int b = states.dim(0);
        Node z = phi.forward(states).output();
        Node zdot = latentVelocity(tape, z);
        double[] zd = zdot.value();
        double[] step = new double[b * d];
        for (int i = 0; i < b; i++) {
            double n2 = 0;
            for (int k = 0; k < d; k++) {
                n2 += zd[i * d + k] * zd[i * d + k];
            }
            double eps = EPS / Math.max(1.0, Math.sqrt(n2));
            for (int k = 0; k < d; k++) {
                step[i * d + k] = eps;
            }
        }
        Node e = tape.constant(step, b, d);
        Node dz = zdot.mul(e);
        Node plus = phi.inverse(z.add(dz)).output();
        Node minus = phi.inverse(z.sub(dz)).output();
        return plus.sub(minus).div(e.scale(2.0));
    }

    /** {@code z = φ(x)} for one state. */
    public double[] toLatent(double[] x) {
        Tape t = new Tape();
        return phi.forward(t.constant(x.clone(), 1, d)).output().value().clone();
    }

    /** {@code x = φ⁻¹(z)} for one latent state. */
    public double[] fromLatent(double[] z) {
        Tape t = new Tape();
        return phi.inverse(t.constant(z.clone(), 1, d)).output().value().clone();
    }

    @Override
    public void evaluate(double[] x, double[] out) {
        Tape t = new Tape();
        Node z = phi.forward(t.constant(x.clone(), 1, d)).output();
        double[] zdot = latentVelocity(t, z).value().clone();
        double[] j = FlowJacobian.forward(phi, x);
        System.arraycopy(solve(j, zdot, d), 0, out, 0, d);
    }

    /** Solves {@code J y = b} (row-major d×d) by Gaussian elimination with partial pivoting. */
    static double[] solve(double[] jac, double[] b, int d) {
        double[] a = jac.clone();
        double[] y = b.clone();
        for (int c = 0; c < d; c++) {
            int p = c;
            for (int r = c + 1; r < d; r++) {
                if (Math.abs(a[r * d + c]) > Math.abs(a[p * d + c])) {
                    p = r;
                }
            }
            if (a[p * d + c] == 0 || !Double.isFinite(a[p * d + c])) {
                throw new SingularProblemException("elcd-flow: singular flow Jacobian");
            }
            if (p != c) {
                for (int k = 0; k < d; k++) {
                    double tmp = a[c * d + k];
                    a[c * d + k] = a[p * d + k];
                    a[p * d + k] = tmp;
                }
                double tmp = y[c];
                y[c] = y[p];
                y[p] = tmp;
            }
            for (int r = c + 1; r < d; r++) {
                double f = a[r * d + c] / a[c * d + c];
                for (int k = c; k < d; k++) {
                    a[r * d + k] -= f * a[c * d + k];
                }
                y[r] -= f * y[c];
            }
        }
        for (int c = d - 1; c >= 0; c--) {
            double s = y[c];
            for (int k = c + 1; k < d; k++) {
                s -= a[c * d + k] * y[k];
            }
            y[c] = s / a[c * d + c];
        }
        return y;
    }
}
