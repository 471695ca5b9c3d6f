package io.github.attractor.learn.elcd;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.learn.dynamics.LearnedDynamics;
import io.github.attractor.learn.nn.Activation;
import io.github.attractor.learn.nn.Mlp;
import io.github.attractor.learn.tape.Node;
import io.github.attractor.learn.tape.Ops;
import io.github.attractor.learn.tape.Parameter;
import io.github.attractor.learn.tape.Tape;
import java.util.ArrayList;
import java.util.List;

/**
 * Exponentially stable learned contracting dynamics (ELCD), equations (4.10)–(4.11):
 * {@code f(x) = A(x) (x − x*)} with {@code A(x) = −P_s(x)ᵀP_s(x) + P_a(x) − P_a(x)ᵀ − α I}, where {@code P_s} and
 * {@code P_a} are two-layer MLPs {@code d → hidden → d²} whose outputs are read as per-sample d×d matrices. The
 * symmetric part of A is {@code −P_sᵀP_s − α I ≤ −α I} for every parameter value, so the system is contracting
 * with rate α in the identity metric and every trajectory satisfies {@code ‖x(t) − x*‖ ≤ e^{−αt}‖x(0) − x*‖} (4.12).
 * The equilibrium x* is fixed (given) or learned (a trainable parameter).
 */
public final class Elcd implements LearnedDynamics {
    private final int d;
    private final double alpha;
    private final Mlp ps;
    private final Mlp pa;
    private final Parameter xStar;
    private final boolean learnEquilibrium;

    /**
     * @param d state dimension
     * @param hidden hidden width of P_s and P_a
     * @param alpha contraction rate α &gt; 0
     * @param equilibrium the (initial) x*, length d
     * @param learnEquilibrium whether x* is trained
     * @param seed initialisation seed
     */
    public Elcd(int d, int hidden, double alpha, double[] equilibrium, boolean learnEquilibrium, long seed) {
        if (d < 1 || hidden < 1) {
            throw new InvalidInputException("elcd: dimension and hidden width must be positive, got " + d + " and " + hidden);
        }
        if (!(alpha > 0) || !Double.isFinite(alpha)) {
            throw new InvalidInputException("elcd: --alpha must be positive and finite, got " + alpha);
        }
        if (equilibrium.length != d) {
            throw new InvalidInputException("elcd: equilibrium has length " + equilibrium.length + ", expected " + d);
        }
        this.d = d;
        this.alpha = alpha;
        this.ps = new Mlp("elcd.ps", new int[] {d, hidden, d * d}, Activation.TANH, seed);
        this.pa = new Mlp("elcd.pa", new int[] {d, hidden, d * d}, Activation.TANH, seed + 1);
        this.xStar = new Parameter("elcd.xstar", equilibrium.clone(), d);
        this.learnEquilibrium = learnEquilibrium;
    }

    @Override
    public String kind() {
        return "elcd";
    }

    @Override
    public int dimension() {
        return d;
    }

    /** The contraction rate α. */
    public double alpha() {
        return alpha;
    }

    @Override
    public double[] equilibrium() {
        return xStar.value().clone();
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> p = new ArrayList<>(ps.parameters());
        p.addAll(pa.parameters());
        if (learnEquilibrium) {
            p.add(xStar);
        }
        return p;
    }

    /** The matrices {@code A(x)} of a batch, [B, d] → [B, d, d], on the tape. */
    public Node matrices(Tape tape, Node states) {
        int b = states.dim(0);
        Node s = ps.forward(states).reshape(b, d, d);
        Node a = pa.forward(states).reshape(b, d, d);
        double[] eye = new double[d * d];
        for (int i = 0; i < d; i++) {
            eye[i * d + i] = alpha;
        }
        Node sts = Ops.matmul(Ops.transpose(s), s);
        return a.sub(Ops.transpose(a)).sub(sts).sub(tape.constant(eye, d, d));
    }

    @Override
    public Node velocity(Tape tape, Node states) {
        return velocity(tape, states, equilibrium(tape));
    }

    /** The equilibrium as a node ([d]): a parameter when learned, else a constant. */
    public Node equilibrium(Tape tape) {
        return learnEquilibrium ? tape.param(xStar) : tape.constant(xStar.value().clone(), d);
    }

    /** {@code A(x)(x − star)} for a given equilibrium node (the latent ELCD of a learned diffeomorphism). */
    public Node velocity(Tape tape, Node states, Node star) {
        return Ops.matvec(matrices(tape, states), states.sub(star));
    }

    /** {@code A(x)} at one state, row-major d×d, without gradients. */
    public double[] matrix(double[] x) {
        Tape t = new Tape();
        return matrices(t, t.constant(x.clone(), 1, d)).value().clone();
    }

    @Override
    public void evaluate(double[] x, double[] out) {
        Tape t = new Tape();
        Node v = velocity(t, t.constant(x.clone(), 1, d));
        System.arraycopy(v.value(), 0, out, 0, d);
    }
}
