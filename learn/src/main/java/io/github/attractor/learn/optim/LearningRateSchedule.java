package io.github.attractor.learn.optim;

import io.github.attractor.core.error.InvalidInputException;

/**
 * Learning rate {@code η_t} as a function of the optimizer step {@code t = 0, 1, 2, …}:
 * <ul>
 * <li>constant: {@code η_t = η_0};</li>
 * <li>step: {@code η_t = η_0 γ^{⌊t / s⌋}};</li>
 * <li>exponential: {@code η_t = η_0 γ^t};</li>
 * <li>cosine (Loshchilov–Hutter, without restarts): {@code η_t = η_min + (η_0 − η_min)(1 + cos(π t / T)) / 2}
 *     for {@code t ≤ T}, {@code η_min} after.</li>
 * </ul>
 * To schedule per epoch, express the period in optimizer steps (epochs × batches per epoch).
 */
@FunctionalInterface
public interface LearningRateSchedule {
    /** The learning rate of step {@code t}. */
    double rate(long t);

    static LearningRateSchedule constant(double lr) {
        positive("lr", lr);
        return t -> lr;
    }

    static LearningRateSchedule step(double lr, long every, double gamma) {
        positive("lr", lr);
        positive("gamma", gamma);
        if (every <= 0) {
            throw new InvalidInputException("every: must be positive, got " + every);
        }
        return t -> lr * Math.pow(gamma, (double) (t / every));
    }

    static LearningRateSchedule exponential(double lr, double gamma) {
        positive("lr", lr);
        positive("gamma", gamma);
        return t -> lr * Math.pow(gamma, (double) t);
    }

    static LearningRateSchedule cosine(double lr, double minLr, long totalSteps) {
        positive("lr", lr);
        if (!(minLr >= 0) || minLr > lr) {
            throw new InvalidInputException("minLr: must be in [0, lr], got " + minLr);
        }
        if (totalSteps <= 0) {
            throw new InvalidInputException("totalSteps: must be positive, got " + totalSteps);
        }
        return t -> t >= totalSteps ? minLr : minLr + (lr - minLr) * 0.5 * (1 + Math.cos(Math.PI * t / totalSteps));
    }

    private static void positive(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new InvalidInputException(name + ": must be positive and finite, got " + v);
        }
    }
}
