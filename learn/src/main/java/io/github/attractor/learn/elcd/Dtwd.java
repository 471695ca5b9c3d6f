package io.github.attractor.learn.elcd;

import io.github.attractor.core.error.InvalidInputException;

/**
 * Dynamic time warping distance as defined in Section 4.5.1: for a demonstration {@code x_1..x_{t1}} and a
 * reproduction {@code x̄_1..x̄_{t2}},
 * {@code DTWD = (1/t1) Σ_i min_j d(x_i, x̄_j) + (1/t2) Σ_i min_j d(x̄_i, x_j)} with Euclidean d.
 */
public final class Dtwd {
    private Dtwd() {
    }

    /** DTWD between two trajectories given as arrays of points (rows), of equal dimension. */
    public static double distance(double[][] x, double[][] y) {
        if (x.length == 0 || y.length == 0) {
            throw new InvalidInputException("dtwd: trajectories must be non-empty, got " + x.length + " and " + y.length
                    + " points");
        }
        return directed(x, y) + directed(y, x);
    }

    private static double directed(double[][] x, double[][] y) {
        double total = 0;
        for (double[] p : x) {
            double best = Double.POSITIVE_INFINITY;
            for (double[] q : y) {
                if (q.length != p.length) {
                    throw new InvalidInputException("dtwd: points of dimension " + p.length + " and " + q.length);
                }
                double s = 0;
                for (int k = 0; k < p.length; k++) {
                    double e = p[k] - q[k];
                    s += e * e;
                }
                best = Math.min(best, s);
            }
            total += Math.sqrt(best);
        }
        return total / x.length;
    }
}
