package io.github.attractor.data.trajectory;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.ShapeMismatchException;
import java.util.Arrays;

/**
 * A per-feature affine change of coordinates {@code z = (x - μ) / σ} (σ > 0 elementwise), applied to
 * states, equilibria and — by the chain rule, {@code ż = ẋ / σ} — to velocities. It is kept with a
 * standardised dataset so that learned models, rollouts and equilibria can be mapped back:
 * {@code x = μ + σ ⊙ z}, {@code ẋ = σ ⊙ ż}.
 *
 * <p>{@link #fit} estimates {@code μ_i = (1/N) Σ x_i} and the population standard deviation
 * {@code σ_i = sqrt((1/N) Σ (x_i - μ_i)²)} over all N samples of all demonstrations, so the standardised
 * states have mean 0 and variance 1 per feature. (The ELCD reference code uses torch's unbiased
 * {@code std}, a factor {@code sqrt(N/(N-1))} apart — 1.0004 for LASA's 7×985 samples.)
 *
 * @param mean  μ, one entry per feature
 * @param scale σ, one positive entry per feature
 */
public record Standardization(double[] mean, double[] scale) {

    /** Checks lengths and that every scale is positive and finite. */
    public Standardization {
        mean = mean.clone();
        scale = scale.clone();
        if (mean.length != scale.length || mean.length == 0) {
            throw new ShapeMismatchException("standardization: mean has " + mean.length + " entries, scale "
                    + scale.length);
        }
        for (int i = 0; i < scale.length; i++) {
            if (!(scale[i] > 0) || !Double.isFinite(scale[i]) || !Double.isFinite(mean[i])) {
                throw new InvalidInputException("standardization: feature " + i + " has mean " + mean[i]
                        + " and scale " + scale[i] + " (the scale must be positive and finite)");
            }
        }
    }

    /** The identity on {@code R^d} (μ = 0, σ = 1). */
    public static Standardization identity(int d) {
        double[] one = new double[d];
        Arrays.fill(one, 1.0);
        return new Standardization(new double[d], one);
    }

    /**
     * Fits μ and σ over every state of every demonstration of {@code data}; a constant feature (σ = 0)
     * cannot be standardised and is an error naming the dataset and the feature.
     */
    public static Standardization fit(TrajectoryDataset data) {
        int d = data.dimension();
        double[] sum = new double[d];
        long n = 0;
        for (Demonstration demo : data.demonstrations()) {
            for (double[] x : demo.states()) {
                for (int i = 0; i < d; i++) {
                    sum[i] += x[i];
                }
                n++;
            }
        }
        double[] mu = new double[d];
        for (int i = 0; i < d; i++) {
            mu[i] = sum[i] / n;
        }
        double[] ss = new double[d];
        for (Demonstration demo : data.demonstrations()) {
            for (double[] x : demo.states()) {
                for (int i = 0; i < d; i++) {
                    double c = x[i] - mu[i];
                    ss[i] += c * c;
                }
            }
        }
        double[] sigma = new double[d];
        for (int i = 0; i < d; i++) {
            sigma[i] = Math.sqrt(ss[i] / n);
            if (!(sigma[i] > 0)) {
                throw new InvalidInputException(data.name() + ": feature " + i
                        + " is constant over all samples; it cannot be standardised");
            }
        }
        return new Standardization(mu, sigma);
    }

    /** Number of features. */
    public int dimension() {
        return mean.length;
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] scale() {
        return scale.clone();
    }

    /** Whether this is the identity (μ = 0 and σ = 1 exactly). */
    public boolean isIdentity() {
        for (int i = 0; i < mean.length; i++) {
            if (mean[i] != 0.0 || scale[i] != 1.0) {
                return false;
            }
        }
        return true;
    }

    /** {@code (x - μ) / σ}, a new array. */
    public double[] state(double[] x) {
        check(x);
        double[] z = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            z[i] = (x[i] - mean[i]) / scale[i];
        }
        return z;
    }

    /** {@code v / σ}, a new array. */
    public double[] velocity(double[] v) {
        check(v);
        double[] z = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            z[i] = v[i] / scale[i];
        }
        return z;
    }

    /** {@code μ + σ ⊙ z}: a standardised state back in the original coordinates. */
    public double[] unstandardizeState(double[] z) {
        check(z);
        double[] x = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            x[i] = mean[i] + scale[i] * z[i];
        }
        return x;
    }

    /** {@code σ ⊙ ż}: a standardised velocity back in the original coordinates. */
    public double[] unstandardizeVelocity(double[] z) {
        check(z);
        double[] v = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            v[i] = scale[i] * z[i];
        }
        return v;
    }

    /**
     * This transform followed by {@code next}: {@code z = (x - μ₁)/σ₁}, {@code w = (z - μ₂)/σ₂}, i.e.
     * {@code μ = μ₁ + σ₁ μ₂}, {@code σ = σ₁ σ₂}.
     */
    public Standardization then(Standardization next) {
        if (next.dimension() != dimension()) {
            throw new ShapeMismatchException("standardization: cannot compose dimension " + dimension() + " with "
                    + next.dimension());
        }
        double[] mu = new double[mean.length];
        double[] sigma = new double[mean.length];
        for (int i = 0; i < mean.length; i++) {
            mu[i] = mean[i] + scale[i] * next.mean[i];
            sigma[i] = scale[i] * next.scale[i];
        }
        return new Standardization(mu, sigma);
    }

    /** The transforms of the parts side by side (for datasets stacked along the feature axis). */
    public static Standardization concat(java.util.List<Standardization> parts) {
        int d = 0;
        for (Standardization p : parts) {
            d += p.dimension();
        }
        double[] mu = new double[d];
        double[] sigma = new double[d];
        int o = 0;
        for (Standardization p : parts) {
            System.arraycopy(p.mean, 0, mu, o, p.dimension());
            System.arraycopy(p.scale, 0, sigma, o, p.dimension());
            o += p.dimension();
        }
        return new Standardization(mu, sigma);
    }

    private void check(double[] x) {
        if (x.length != mean.length) {
            throw new ShapeMismatchException("standardization: vector of length " + x.length + ", expected "
                    + mean.length);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Standardization s && Arrays.equals(mean, s.mean) && Arrays.equals(scale, s.scale);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(scale);
    }

    @Override
    public String toString() {
        return "Standardization[mean=" + Arrays.toString(mean) + ", scale=" + Arrays.toString(scale) + "]";
    }
}
