package io.github.attractor.learn.baselines;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.learn.dynamics.LearnedDynamics;
import io.github.attractor.learn.flow.AffineCoupling;
import io.github.attractor.learn.flow.Flow;
import io.github.attractor.learn.flow.InvertibleLayer;
import io.github.attractor.learn.flow.LuLinear;
import io.github.attractor.learn.nn.Activation;
import io.github.attractor.learn.tape.Node;
import io.github.attractor.learn.tape.Ops;
import io.github.attractor.learn.tape.Parameter;
import io.github.attractor.learn.tape.Tape;
import java.util.ArrayList;
import java.util.List;

/**
 * Euclideanizing Flows (Rana et al.; thesis equation 4.18), kind {@code "eflow"}: natural-gradient descent on
 * the potential {@code Φ(y) = ‖y − y*‖} through a learned diffeomorphism ψ (a {@link Flow}),
 * <pre>
 *   ẋ = −G_ψ(x)⁻¹ ∇(Φ∘ψ)(x),  G_ψ = DψᵀDψ   ⇒   ẋ = −Dψ(x)⁻¹ (ψ(x) − y*) / ‖ψ(x) − y*‖,
 * </pre>
 * since {@code G⁻¹∇(Φ∘ψ) = Dψ⁻¹Dψ⁻ᵀDψᵀ∇Φ = Dψ⁻¹∇Φ}, with {@code y* = ψ(x*)}. In the latent space
 * {@code ẏ = Dψ ẋ = −(y − y*)/‖y − y*‖}: ‖y − y*‖ decreases at unit rate and x reaches x* in finite time.
 * With a smoothing η ≥ 0 the potential is {@code Φ(y) = √(‖y − y*‖² + η²)}, η = 0 being the definition above;
 * at {@code ψ(x) = y*} the field is 0.
 * <p>
 * Derivative choice: Dψ(x) is needed inside the training loss and the tape has no double backward; an exact
 * forward-mode Jacobian would have to be written for every layer type of the flow, so Dψ is taken by central
 * finite differences of tape expressions, {@code Dψ(x) e_j ≈ (ψ(x + h e_j) − ψ(x − h e_j))/2h} (error
 * O(h²), h = {@code fdStep}, default 1e-4), all 2d perturbed copies of the batch pushed through the flow as
 * one batch; the linear system is solved per sample by {@link Ops#solve} (LU, differentiable in θ).
 */
public final class EuclideanizingFlow implements LearnedDynamics {
    private final int d;
    private final double[] xStar;
    private final Flow psi;
    private final double smoothing;
    private final double fdStep;

    /** A model with diffeomorphism {@code psi} (of dimension {@code equilibrium.length}), η ≥ 0 and FD step h > 0. */
    public EuclideanizingFlow(double[] equilibrium, Flow psi, double smoothing, double fdStep) {
        if (equilibrium == null || psi == null || psi.dimension() != equilibrium.length) {
            throw new InvalidInputException("eflow: flow dimension must equal the equilibrium's length");
        }
        if (!(smoothing >= 0) || !(fdStep > 0)) {
            throw new InvalidInputException("eflow: need smoothing >= 0 and fdStep > 0, got " + smoothing + ", "
                    + fdStep);
        }
        this.d = equilibrium.length;
        this.xStar = equilibrium.clone();
        this.psi = psi;
        this.smoothing = smoothing;
        this.fdStep = fdStep;
    }

    /**
     * The default diffeomorphism for {@code d ≥ 2}: {@code layers} blocks of (LU-linear, affine coupling with a
     * tanh MLP conditioner of one hidden layer of width {@code hidden}, alternating halves), seeded by {@code seed};
     * η = 0, h = 1e-4.
     */
    public EuclideanizingFlow(double[] equilibrium, int layers, int hidden, long seed) {
        this(equilibrium, defaultFlow(equilibrium.length, layers, hidden, seed), 0.0, 1e-4);
    }

    /** The flow of the default model: {@code layers} × (LuLinear, AffineCoupling). */
    public static Flow defaultFlow(int d, int layers, int hidden, long seed) {
        if (d < 2 || layers < 1 || hidden < 1) {
            throw new InvalidInputException("eflow: default flow needs d >= 2, layers >= 1, hidden >= 1");
        }
        List<InvertibleLayer> list = new ArrayList<>();
        for (int k = 0; k < layers; k++) {
            list.add(new LuLinear("eflow.lu" + k, d, seed + 2L * k));
            list.add(AffineCoupling.withMlp("eflow.cp" + k, d, k % 2 == 1, new int[] {hidden}, Activation.TANH,
                    seed + 2L * k + 1, false));
        }
        return new Flow(list);
    }

    @Override
    public String kind() {
        return "eflow";
    }

    @Override
    public int dimension() {
        return d;
    }

    @Override
    public double[] equilibrium() {
        return xStar.clone();
    }

    /** The diffeomorphism ψ. */
    public Flow flow() {
        return psi;
    }

    @Override
    public List<Parameter> parameters() {
        return psi.parameters();
    }

    @Override
    public Node velocity(Tape tape, Node states) {
        if (states.rank() != 2 || states.dim(1) != d) {
            throw new InvalidInputException("eflow: states must have shape [B, " + d + "], got "
                    + java.util.Arrays.toString(states.shape()));
        }
        int b = states.dim(0);
        Node[] parts = new Node[2 * d + 2];
        parts[0] = states;
        for (int j = 0; j < d; j++) {
            double[] plus = new double[b * d];
            double[] minus = new double[b * d];
            for (int s = 0; s < b; s++) {
                plus[s * d + j] = fdStep;
                minus[s * d + j] = -fdStep;
            }
            parts[1 + 2 * j] = states.add(tape.constant(plus, b, d));
            parts[2 + 2 * j] = states.add(tape.constant(minus, b, d));
        }
        parts[2 * d + 1] = tape.constant(xStar.clone(), 1, d);
        Node all = psi.forward(Ops.concat(0, parts)).output();
        Node y = all.slice(0, 0, b);
        Node yStar = all.slice(0, (2 * d + 1) * b, (2 * d + 1) * b + 1);
        Node[] cols = new Node[d];
        for (int j = 0; j < d; j++) {
            Node yp = all.slice(0, (1 + 2 * j) * b, (2 + 2 * j) * b);
            Node ym = all.slice(0, (2 + 2 * j) * b, (3 + 2 * j) * b);
            cols[j] = yp.sub(ym).scale(1.0 / (2 * fdStep)).reshape(b, d, 1);
        }
        Node jac = Ops.concat(2, cols);
        Node diff = y.sub(yStar);
        Node n2 = diff.square().sum(1).reshape(b, 1).plus(smoothing * smoothing);
        double[] nv = n2.value();
        double[] guard = new double[b];
        for (int s = 0; s < b; s++) {
            guard[s] = nv[s] > 0 ? 0.0 : 1.0;
        }
        Node grad = diff.div(n2.add(tape.constant(guard, b, 1)).sqrt());
        return Ops.solve(jac, grad).neg();
    }

    @Override
    public void evaluate(double[] x, double[] out) {
        if (x.length != d || out.length != d) {
            throw new InvalidInputException("eflow: evaluate needs arrays of length " + d);
        }
        Tape tape = new Tape().parameterGradients(false);
        Node f = velocity(tape, tape.constant(x.clone(), 1, d));
        System.arraycopy(f.value(), 0, out, 0, d);
    }

    /** ψ(x) for one state, without gradients. */
    public double[] map(double[] x) {
        Tape tape = new Tape().parameterGradients(false);
        return psi.forward(tape.constant(x.clone(), 1, d)).output().value().clone();
    }
}
