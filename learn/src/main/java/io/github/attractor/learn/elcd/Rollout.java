package io.github.attractor.learn.elcd;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.learn.dynamics.LearnedDynamics;
import java.util.ArrayList;
import java.util.List;

/**
 * Rollout of a learned vector field with the classical fixed-step Runge–Kutta scheme
 * {@code x_{k+1} = x_k + h/6 (k1 + 2k2 + 2k3 + k4)}, from a start state with the data's time step h, until the step
 * {@code ‖x_{k+1} − x_k‖} falls below a tolerance (1e-5 by default) or a maximum number of steps (1000) is reached.
 */
public final class Rollout {
    private Rollout() {
    }

    /** The rollout with the defaults (tolerance 1e-5, at most 1000 steps); the first row is {@code x0}. */
    public static double[][] run(LearnedDynamics f, double[] x0, double h) {
        return run(f, x0, h, 1e-5, 1000);
    }

    /** The rollout with the given stopping tolerance and step limit; the first row is {@code x0}. */
    public static double[][] run(LearnedDynamics f, double[] x0, double h, double tol, int maxSteps) {
        int d = f.dimension();
        if (x0.length != d) {
            throw new InvalidInputException("rollout: start state has dimension " + x0.length + ", the model " + d);
        }
        if (!(h > 0) || !Double.isFinite(h)) {
            throw new InvalidInputException("rollout: time step must be positive, got " + h);
        }
        List<double[]> out = new ArrayList<>();
        double[] x = x0.clone();
        out.add(x.clone());
        double[] k1 = new double[d];
        double[] k2 = new double[d];
        double[] k3 = new double[d];
        double[] k4 = new double[d];
        double[] y = new double[d];
        for (int s = 0; s < maxSteps; s++) {
            f.evaluate(x, k1);
            for (int i = 0; i < d; i++) {
                y[i] = x[i] + 0.5 * h * k1[i];
            }
            f.evaluate(y, k2);
            for (int i = 0; i < d; i++) {
                y[i] = x[i] + 0.5 * h * k2[i];
            }
            f.evaluate(y, k3);
            for (int i = 0; i < d; i++) {
                y[i] = x[i] + h * k3[i];
            }
            f.evaluate(y, k4);
            double step = 0;
            for (int i = 0; i < d; i++) {
                double dx = h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
                x[i] += dx;
                step += dx * dx;
            }
            out.add(x.clone());
            if (Math.sqrt(step) < tol) {
                break;
            }
        }
        return out.toArray(new double[0][]);
    }
}
