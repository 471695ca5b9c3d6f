package io.github.attractor.learn.baselines;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.learn.dynamics.LearnedDynamics;
import io.github.attractor.learn.nn.Init;
import io.github.attractor.learn.tape.Node;
import io.github.attractor.learn.tape.Parameter;
import io.github.attractor.learn.tape.Tape;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Neural Contractive Dynamical Systems (Beik-Mohammadi et al.; thesis equations 4.20–4.21), kind {@code "ncds"},
 * in data space (latent dimension = data dimension d; no encoder):
 * <pre>
 *   A(x) = −(J_θ(x)ᵀ J_θ(x) + ε I),
 *   f(x) = f(x*) + ∫₀¹ A(x* + t(x − x*)) (x − x*) dt,   f(x*) = 0,
 * </pre>
 * where {@code J_θ(x) = W₂ᵀ diag(1 − tanh²(W₁ᵀx + b₁)) W₁ᵀ} (m × d) is the input Jacobian of the network
 * {@code h_θ(x) = W₂ᵀ tanh(W₁ᵀx + b₁)}, in closed form (tanh' = 1 − tanh²) as ordinary tape ops, so the training
 * loss is differentiated in θ by the reverse-mode tape without a double backward. The products
 * {@code J_θᵀJ_θ v} are formed as two matrix-vector sweeps, never as d × d matrices. The integral is taken by
 * {@link GaussLegendre} quadrature on [0, 1] with {@code nodes} nodes (default 8).
 * <p>
 * Along each ray from x* the field's derivative is exactly A: {@code d/ds f(x* + sΔ) = A(x* + sΔ)Δ}, hence
 * {@code Df(x)(x − x*) = A(x)(x − x*)} and {@code (x − x*)ᵀ f(x) ≤ −ε‖x − x*‖²} (x* is globally asymptotically
 * stable). For d ≥ 2 the full Jacobian Df(x) equals A(x) only when A is integrable (a symmetric A(x) that is a
 * Jacobian field); a generic J_θᵀJ_θ is not, so Df(x) = A(x) holds exactly in d = 1 and along rays in general.
 */
public final class NeuralContractiveDynamics implements LearnedDynamics {
    private final int d;
    private final double[] xStar;
    private final double epsilon;
    private final GaussLegendre rule;
    private final Parameter w1;
    private final Parameter b1;
    private final Parameter w2;

    /**
     * A model of dimension {@code d = equilibrium.length}, network width {@code hidden}, output size
     * {@code outputs} (rows of J_θ), ε > 0, {@code nodes} Gauss–Legendre nodes, weights drawn from {@code rng}.
     */
    public NeuralContractiveDynamics(double[] equilibrium, int hidden, int outputs, double epsilon, int nodes,
            RandomGenerator rng) {
        if (equilibrium == null || equilibrium.length == 0 || hidden <= 0 || outputs <= 0) {
            throw new InvalidInputException("ncds: need a non-empty equilibrium and positive sizes");
        }
        if (!(epsilon > 0)) {
            throw new InvalidInputException("ncds: epsilon must be positive, got " + epsilon);
        }
        this.d = equilibrium.length;
        this.xStar = equilibrium.clone();
        this.epsilon = epsilon;
        this.rule = new GaussLegendre(nodes);
        w1 = new Parameter("ncds.w1", d, hidden);
        Init.XAVIER_UNIFORM.fill(w1.value(), d, hidden, rng);
        b1 = new Parameter("ncds.b1", hidden);
        Init.uniform(b1.value(), 0.5, rng);
        w2 = new Parameter("ncds.w2", hidden, outputs);
        Init.XAVIER_UNIFORM.fill(w2.value(), hidden, outputs, rng);
    }

    /** Defaults: m = d, ε = 0.01, 8 nodes. */
    public NeuralContractiveDynamics(double[] equilibrium, int hidden, RandomGenerator rng) {
        this(equilibrium, hidden, equilibrium.length, 0.01, 8, rng);
    }

    @Override
    public String kind() {
        return "ncds";
    }

    @Override
    public int dimension() {
        return d;
    }

    @Override
    public double[] equilibrium() {
        return xStar.clone();
    }

    /** ε. */
    public double epsilon() {
        return epsilon;
    }

    /** The number of quadrature nodes. */
    public int quadratureNodes() {
        return rule.size();
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(w1, b1, w2);
    }

    @Override
    public Node velocity(Tape tape, Node states) {
        if (states.rank() != 2 || states.dim(1) != d) {
            throw new InvalidInputException("ncds: states must have shape [B, " + d + "], got "
                    + java.util.Arrays.toString(states.shape()));
        }
        Node w1n = tape.param(w1);
        Node w2n = tape.param(w2);
        Node b1n = tape.param(b1);
        Node star = tape.constant(xStar.clone(), 1, d);
        Node delta = states.sub(star);
        Node dw = delta.matmul(w1n);
        double[] t = rule.nodes();
        double[] w = rule.weights();
        Node acc = delta.scale(-epsilon);
        for (int k = 0; k < t.length; k++) {
            Node p = star.add(delta.scale(t[k]));
            Node th = p.matmul(w1n).add(b1n).tanh();
            Node s = th.square().neg().plus(1.0);
            Node jv = dw.mul(s).matmul(w2n);
            Node jtjv = jv.matmul(w2n.transpose()).mul(s).matmul(w1n.transpose());
            acc = acc.sub(jtjv.scale(w[k]));
        }
        return acc;
    }

    @Override
    public void evaluate(double[] x, double[] out) {
        if (x.length != d || out.length != d) {
            throw new InvalidInputException("ncds: evaluate needs arrays of length " + d);
        }
        Tape tape = new Tape().parameterGradients(false);
        Node f = velocity(tape, tape.constant(x.clone(), 1, d));
        System.arraycopy(f.value(), 0, out, 0, d);
    }

    /** A(x) = −(J_θ(x)ᵀJ_θ(x) + εI), row-major d × d, computed directly (for tests and analysis). */
    public double[] contractionMatrix(double[] x) {
        int h = w1.dim(1);
        int m = w2.dim(1);
        double[] a = w1.value();
        double[] bb = b1.value();
        double[] c = w2.value();
        double[] s = new double[h];
        for (int j = 0; j < h; j++) {
            double z = bb[j];
            for (int i = 0; i < d; i++) {
                z += x[i] * a[i * h + j];
            }
            double th = Math.tanh(z);
            s[j] = 1 - th * th;
        }
        double[] jac = new double[m * d];
        for (int r = 0; r < m; r++) {
            for (int i = 0; i < d; i++) {
                double v = 0;
                for (int j = 0; j < h; j++) {
                    v += c[j * m + r] * s[j] * a[i * h + j];
                }
                jac[r * d + i] = v;
            }
        }
        double[] out = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < d; k++) {
                double v = 0;
                for (int r = 0; r < m; r++) {
                    v += jac[r * d + i] * jac[r * d + k];
                }
                out[i * d + k] = -v - (i == k ? epsilon : 0);
            }
        }
        return out;
    }
}
