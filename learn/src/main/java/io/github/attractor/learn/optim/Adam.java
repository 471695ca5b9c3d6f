package io.github.attractor.learn.optim;

import io.github.attractor.learn.tape.Parameter;
import java.util.List;

/**
 * Adam (Kingma and Ba 2015) with bias correction, and weight decay either decoupled (AdamW, Loshchilov and
 * Hutter 2019) or as an L2 term in the gradient:
 * <pre>
 *   g = ∇θ (+ λ θ if L2)
 *   m ← β₁ m + (1 − β₁) g,   v ← β₂ v + (1 − β₂) g²
 *   m̂ = m / (1 − β₁^t),      v̂ = v / (1 − β₂^t)
 *   θ ← θ (1 − η λ if decoupled) − η m̂ / (√v̂ + ε)
 * </pre>
 * Defaults {@code β₁ = 0.9, β₂ = 0.999, ε = 1e-8} as in PyTorch.
 */
public final class Adam extends Optimizer {
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final boolean decoupled;
    private final double[][] m;
    private final double[][] v;

    public Adam(List<Parameter> params, LearningRateSchedule schedule, double beta1, double beta2, double eps,
            double weightDecay, boolean decoupled) {
        super(params, schedule);
        check("beta1", beta1, 0, 1 - 1e-12);
        check("beta2", beta2, 0, 1 - 1e-12);
        check("eps", eps, 0, Double.MAX_VALUE);
        check("weightDecay", weightDecay, 0, Double.MAX_VALUE);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.decoupled = decoupled;
        this.m = new double[this.params.size()][];
        this.v = new double[this.params.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = new double[this.params.get(i).size()];
            v[i] = new double[this.params.get(i).size()];
        }
    }

    /** Adam with a constant learning rate, default betas and epsilon, no weight decay. */
    public Adam(List<Parameter> params, double lr) {
        this(params, LearningRateSchedule.constant(lr), 0.9, 0.999, 1e-8, 0, true);
    }

    /** AdamW: decoupled weight decay {@code λ}. */
    public static Adam adamW(List<Parameter> params, double lr, double weightDecay) {
        return new Adam(params, LearningRateSchedule.constant(lr), 0.9, 0.999, 1e-8, weightDecay, true);
    }

    @Override
    protected void update(double lr, long t) {
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        double shrink = decoupled ? 1 - lr * weightDecay : 1;
        double l2 = decoupled ? 0 : weightDecay;
        for (int k = 0; k < params.size(); k++) {
            double[] th = params.get(k).value();
            double[] g = params.get(k).grad();
            double[] mk = m[k];
            double[] vk = v[k];
            for (int i = 0; i < th.length; i++) {
                double gi = g[i] + l2 * th[i];
                mk[i] = beta1 * mk[i] + (1 - beta1) * gi;
                vk[i] = beta2 * vk[i] + (1 - beta2) * gi * gi;
                double mh = mk[i] / c1;
                double vh = vk[i] / c2;
                th[i] = th[i] * shrink - lr * mh / (Math.sqrt(vh) + eps);
            }
        }
    }
}
