package io.github.attractor.learn.elcd;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.learn.dynamics.LearnedDynamics;
import io.github.attractor.learn.optim.Adam;
import io.github.attractor.learn.tape.Node;
import io.github.attractor.learn.tape.Tape;
import java.util.SplittableRandom;

/**
 * Mean-squared-error training of a {@link LearnedDynamics} on (state, velocity) pairs:
 * {@code L(θ) = (1/(B d)) Σ_b ‖f_θ(x_b) − ẋ_b‖²} over mini-batches of a seeded shuffle, minimised by Adam
 * (defaults of Section 4.5: batch 100, 100 epochs, learning rate 1e-3).
 */
public final class ElcdTrainer {
    /** Called after each epoch with the epoch index (from 0), the mean batch loss and the epoch's wall time. */
    public interface Progress {
        void epoch(int epoch, double loss, double seconds);
    }

    private final int epochs;
    private final int batch;
    private final double lr;
    private final long seed;

    /** A trainer with the given epochs, batch size, Adam learning rate and shuffling seed. */
    public ElcdTrainer(int epochs, int batch, double lr, long seed) {
        if (epochs < 1) {
            throw new InvalidInputException("train: --epochs must be at least 1, got " + epochs);
        }
        if (batch < 1) {
            throw new InvalidInputException("train: --batch must be at least 1, got " + batch);
        }
        if (!(lr > 0) || !Double.isFinite(lr)) {
            throw new InvalidInputException("train: --lr must be positive and finite, got " + lr);
        }
        this.epochs = epochs;
        this.batch = batch;
        this.lr = lr;
        this.seed = seed;
    }

    /**
     * Trains {@code model} on {@code n} pairs stored row-major in {@code states} and {@code velocities} (n·d each);
     * returns the mean loss of the last epoch.
     */
    public double train(LearnedDynamics model, double[] states, double[] velocities, Progress progress) {
        int d = model.dimension();
        if (states.length != velocities.length || states.length % d != 0 || states.length == 0) {
            throw new InvalidInputException("train: states and velocities must be non-empty n×" + d + " arrays, got "
                    + states.length + " and " + velocities.length + " values");
        }
        for (int i = 0; i < states.length; i++) {
            if (!Double.isFinite(states[i]) || !Double.isFinite(velocities[i])) {
                throw new InvalidInputException("train: non-finite value in the data at index " + i / d);
            }
        }
        int n = states.length / d;
        Adam adam = new Adam(model.parameters(), lr);
        SplittableRandom rng = new SplittableRandom(seed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Tape tape = new Tape();
        double last = Double.NaN;
        for (int e = 0; e < epochs; e++) {
            long t0 = System.nanoTime();
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            double sum = 0;
            int batches = 0;
            for (int from = 0; from < n; from += batch) {
                int b = Math.min(batch, n - from);
                double[] xb = new double[b * d];
                double[] vb = new double[b * d];
                for (int k = 0; k < b; k++) {
                    System.arraycopy(states, order[from + k] * d, xb, k * d, d);
                    System.arraycopy(velocities, order[from + k] * d, vb, k * d, d);
                }
                tape.reset();
                adam.zeroGrad();
                Node loss = model.velocity(tape, tape.constant(xb, b, d)).sub(tape.constant(vb, b, d)).square().mean();
                tape.backward(loss);
                adam.step();
                sum += loss.item();
                batches++;
            }
            last = sum / batches;
            if (progress != null) {
                progress.epoch(e, last, (System.nanoTime() - t0) * 1e-9);
            }
        }
        return last;
    }
}
