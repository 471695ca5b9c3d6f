package io.github.attractor.learn.baselines;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.learn.dynamics.LearnedDynamics;
import io.github.attractor.learn.nn.Init;
import io.github.attractor.learn.tape.Node;
import io.github.attractor.learn.tape.Ops;
import io.github.attractor.learn.tape.Parameter;
import io.github.attractor.learn.tape.Tape;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Stable Deep Dynamics (Manek &amp; Kolter; thesis equation 4.19), kind {@code "sdd"}:
 * <pre>
 *   ẋ = f(x) = f̂(x) − ∇V(x) · ReLU(∇V(x)ᵀ f̂(x) + α V(x)) / ‖∇V(x)‖²,
 * </pre>
 * so that {@code ∇V(x)ᵀ f(x) ≤ −α V(x)} everywhere (global exponential stability of x* at rate α in V).
 * <ul>
 * <li>{@code f̂(x) = f̂₀(x) − f̂₀(x*)} with {@code f̂₀(x) = W₂ᵀ tanh(W₁ᵀ x + b₁)} an unconstrained one-hidden-layer
 * MLP; subtracting {@code f̂₀(x*)} makes x* an equilibrium of f (the projection vanishes at x*, where ∇V = 0).</li>
 * <li>{@code V(x) = σ(g(x) − g(x*)) + ε ‖x − x*‖²} with the smoothed ReLU {@code σ(z) = 0 (z ≤ 0), z²/2δ (0 &lt; z &lt; δ),
 * z − δ/2 (z ≥ δ)}, written as {@code (relu(z)² − relu(z − δ)²)/2δ}, and g a two-layer input-convex network
 * {@code z₁ = softplus(A₀ᵀx + c₀)}, {@code z₂ = softplus(Uᵀz₁ + A₁ᵀx + c₁)}, {@code g = wᵀz₂} whose hidden-to-hidden
 * and output weights {@code U = Ũ∘Ũ}, {@code w = w̃∘w̃} are non-negative (convex, non-decreasing maps of convex
 * functions), so V is convex, V ≥ 0 and V(x*) = 0.</li>
 * <li>∇V in closed form, as ordinary tape ops (the tape has no double backward, and the training loss needs
 * ∂f/∂θ through ∇V): with {@code s_k = sigmoid(pre_k)} (softplus' = sigmoid),
 * {@code ∇g = A₁(s₂∘w) + A₀((U(s₂∘w))∘s₁)}, {@code σ'(z) = (relu(z) − relu(z − δ))/δ},
 * {@code ∇V = σ'(g − g*) ∇g + 2ε(x − x*)}.</li>
 * <li>Where {@code ∇V(x) = 0} (only at x*, or where V is flat) the projection term is taken as zero.</li>
 * </ul>
 */
public final class StableDeepDynamics implements LearnedDynamics {
    private final int d;
    private final double[] xStar;
    private final double alpha;
    private final double epsilon;
    private final double smoothing;
    private final Parameter w1;
    private final Parameter b1;
    private final Parameter w2;
    private final Parameter a0;
    private final Parameter c0;
    private final Parameter a1;
    private final Parameter c1;
    private final Parameter uRaw;
    private final Parameter wRaw;

    /**
     * A model of dimension {@code d = equilibrium.length} with {@code hidden} units in f̂ and in each ICNN layer,
     * rate {@code alpha > 0}, quadratic weight {@code epsilon > 0} and smoothing width δ = {@code smoothing > 0},
     * weights drawn from {@code rng}.
     */
    public StableDeepDynamics(double[] equilibrium, int hidden, double alpha, double epsilon, double smoothing,
            RandomGenerator rng) {
        if (equilibrium == null || equilibrium.length == 0 || hidden <= 0) {
            throw new InvalidInputException("sdd: need a non-empty equilibrium and hidden > 0");
        }
        if (!(alpha > 0) || !(epsilon > 0) || !(smoothing > 0)) {
            throw new InvalidInputException("sdd: alpha, epsilon and smoothing must be positive, got " + alpha + ", "
                    + epsilon + ", " + smoothing);
        }
        this.d = equilibrium.length;
        this.xStar = equilibrium.clone();
        this.alpha = alpha;
        this.epsilon = epsilon;
        this.smoothing = smoothing;
        w1 = param("sdd.f.w1", rng, d, hidden);
        b1 = new Parameter("sdd.f.b1", hidden);
        Init.uniform(b1.value(), 0.5, rng);
        w2 = param("sdd.f.w2", rng, hidden, d);
        a0 = param("sdd.v.a0", rng, d, hidden);
        c0 = new Parameter("sdd.v.c0", hidden);
        Init.uniform(c0.value(), 0.5, rng);
        a1 = param("sdd.v.a1", rng, d, hidden);
        c1 = new Parameter("sdd.v.c1", hidden);
        Init.uniform(c1.value(), 0.5, rng);
        uRaw = new Parameter("sdd.v.u", hidden, hidden);
        Init.uniform(uRaw.value(), Math.sqrt(1.0 / hidden), rng);
        wRaw = new Parameter("sdd.v.w", hidden);
        Init.uniform(wRaw.value(), 1.0, rng);
    }

    /** Defaults: α = 0.5, ε = 0.01, δ = 0.1. */
    public StableDeepDynamics(double[] equilibrium, int hidden, RandomGenerator rng) {
        this(equilibrium, hidden, 0.5, 0.01, 0.1, rng);
    }

    private static Parameter param(String name, RandomGenerator rng, int in, int out) {
        Parameter p = new Parameter(name, in, out);
        Init.XAVIER_UNIFORM.fill(p.value(), in, out, rng);
        return p;
    }

    @Override
    public String kind() {
        return "sdd";
    }

    @Override
    public int dimension() {
        return d;
    }

    @Override
    public double[] equilibrium() {
        return xStar.clone();
    }

    /** The rate α. */
    public double alpha() {
        return alpha;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(w1, b1, w2, a0, c0, a1, c1, uRaw, wRaw);
    }

    private void checkStates(Node states) {
        if (states.rank() != 2 || states.dim(1) != d) {
            throw new InvalidInputException("sdd: states must have shape [B, " + d + "], got "
                    + java.util.Arrays.toString(states.shape()));
        }
    }

    /** The unconstrained field f̂(x) = f̂₀(x) − f̂₀(x*), [B, d]. */
    public Node nominal(Tape tape, Node states) {
        checkStates(states);
        Node star = tape.constant(xStar.clone(), 1, d);
        return fHat0(tape, states).sub(fHat0(tape, star));
    }

    private Node fHat0(Tape tape, Node x) {
        return x.matmul(tape.param(w1)).add(tape.param(b1)).tanh().matmul(tape.param(w2));
    }

    /** g(x) of the ICNN, [B, 1]; {@code grad} (length 1, may be null) receives ∇g as [B, d]. */
    private Node icnn(Tape tape, Node x, Node[] grad) {
        Node a0n = tape.param(a0);
        Node a1n = tape.param(a1);
        Node u = tape.param(uRaw).square();
        Node w = tape.param(wRaw).square();
        Node pre1 = x.matmul(a0n).add(tape.param(c0));
        Node z1 = pre1.softplus();
        Node pre2 = z1.matmul(u).add(x.matmul(a1n)).add(tape.param(c1));
        int b = x.dim(0);
        Node g = pre2.softplus().mul(w).sum(1).reshape(b, 1);
        if (grad != null) {
            Node delta2 = pre2.sigmoid().mul(w);
            Node delta1 = delta2.matmul(u.transpose()).mul(pre1.sigmoid());
            grad[0] = delta2.matmul(a1n.transpose()).add(delta1.matmul(a0n.transpose()));
        }
        return g;
    }

    /** V(x), [B, 1]; {@code grad} (length 1, may be null) receives ∇V(x) as [B, d] in closed form. */
    public Node lyapunov(Tape tape, Node states, Node[] grad) {
        checkStates(states);
        int b = states.dim(0);
        Node[] gg = grad == null ? null : new Node[1];
        Node g = icnn(tape, states, gg);
        Node gStar = icnn(tape, tape.constant(xStar.clone(), 1, d), null);
        Node z = g.sub(gStar);
        Node r0 = z.relu();
        Node r1 = z.plus(-smoothing).relu();
        Node sigma = r0.square().sub(r1.square()).scale(0.5 / smoothing);
        Node dx = states.sub(tape.constant(xStar.clone(), 1, d));
        Node v = sigma.add(dx.square().sum(1).reshape(b, 1).scale(epsilon));
        if (grad != null) {
            Node sigmaPrime = r0.sub(r1).scale(1.0 / smoothing);
            grad[0] = sigmaPrime.mul(gg[0]).add(dx.scale(2 * epsilon));
        }
        return v;
    }

    @Override
    public Node velocity(Tape tape, Node states) {
        checkStates(states);
        int b = states.dim(0);
        Node fHat = nominal(tape, states);
        Node[] gv = new Node[1];
        Node v = lyapunov(tape, states, gv);
        Node grad = gv[0];
        Node inner = grad.mul(fHat).sum(1).reshape(b, 1).add(v.scale(alpha));
        Node n2 = grad.square().sum(1).reshape(b, 1);
        double[] guard = new double[b];
        double[] nv = n2.value();
        for (int i = 0; i < b; i++) {
            guard[i] = nv[i] > 0 ? 0.0 : 1.0;
        }
        Node denom = n2.add(tape.constant(guard, b, 1));
        return fHat.sub(grad.mul(inner.relu().div(denom)));
    }

    @Override
    public void evaluate(double[] x, double[] out) {
        if (x.length != d || out.length != d) {
            throw new InvalidInputException("sdd: evaluate needs arrays of length " + d);
        }
        Tape tape = new Tape().parameterGradients(false);
        Node f = velocity(tape, tape.constant(x.clone(), 1, d));
        System.arraycopy(f.value(), 0, out, 0, d);
    }

    /** V(x) for one state, without gradients. */
    public double lyapunovValue(double[] x) {
        Tape tape = new Tape().parameterGradients(false);
        return lyapunov(tape, tape.constant(x.clone(), 1, d), null).item();
    }

    /** ∇V(x) for one state in closed form, without gradients. */
    public double[] lyapunovGradient(double[] x) {
        Tape tape = new Tape().parameterGradients(false);
        Node[] g = new Node[1];
        lyapunov(tape, tape.constant(x.clone(), 1, d), g);
        return g[0].value().clone();
    }
}
