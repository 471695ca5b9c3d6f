package io.github.attractor.learn.optim;

import io.github.attractor.learn.tape.Parameter;
import java.util.List;

/**
 * Stochastic gradient descent with momentum (the PyTorch form): {@code g = ∇θ + λ θ} (L2 weight decay),
 * {@code v ← μ v + g} ({@code v_1 = g}), then {@code θ ← θ − η v}, or with Nesterov momentum
 * {@code θ ← θ − η (g + μ v)}. With {@code μ = 0} this is plain SGD.
 */
public final class Sgd extends Optimizer {
    private final double momentum;
    private final boolean nesterov;
    private final double weightDecay;
    private final double[][] velocity;

    public Sgd(List<Parameter> params, LearningRateSchedule schedule, double momentum, boolean nesterov,
            double weightDecay) {
        super(params, schedule);
        check("momentum", momentum, 0, 1);
        check("weightDecay", weightDecay, 0, Double.MAX_VALUE);
        this.momentum = momentum;
        this.nesterov = nesterov;
        this.weightDecay = weightDecay;
        this.velocity = new double[this.params.size()][];
        for (int i = 0; i < velocity.length; i++) {
            velocity[i] = new double[this.params.get(i).size()];
        }
    }

    /** Plain SGD with a constant learning rate. */
    public Sgd(List<Parameter> params, double lr) {
        this(params, LearningRateSchedule.constant(lr), 0, false, 0);
    }

    @Override
    protected void update(double lr, long t) {
        for (int k = 0; k < params.size(); k++) {
            double[] th = params.get(k).value();
            double[] g = params.get(k).grad();
            double[] v = velocity[k];
            for (int i = 0; i < th.length; i++) {
                double gi = g[i] + weightDecay * th[i];
                double u = gi;
                if (momentum != 0) {
                    v[i] = t == 1 ? gi : momentum * v[i] + gi;
                    u = nesterov ? gi + momentum * v[i] : v[i];
                }
                th[i] -= lr * u;
            }
        }
    }
}
