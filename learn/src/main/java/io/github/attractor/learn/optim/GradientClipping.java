package io.github.attractor.learn.optim;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.learn.tape.Parameter;
import java.util.List;

/**
 * Gradient clipping before an optimizer step: by global norm, {@code g ← g · min(1, c / ‖g‖₂)} with
 * {@code ‖g‖₂} over all parameters together, so the direction is kept and {@code ‖g‖₂ ≤ c} afterwards; and by
 * value, {@code g_i ← clamp(g_i, −c, c)}.
 */
public final class GradientClipping {
    private GradientClipping() {
    }

    /** Global Euclidean norm of all gradients. */
    public static double globalNorm(List<Parameter> params) {
        double scale = 0;
        for (Parameter p : params) {
            for (double g : p.grad()) {
                scale = Math.max(scale, Math.abs(g));
            }
        }
        if (scale == 0 || !Double.isFinite(scale)) {
            return scale;
        }
        double s = 0;
        for (Parameter p : params) {
            for (double g : p.grad()) {
                double r = g / scale;
                s += r * r;
            }
        }
        return scale * Math.sqrt(s);
    }

    /** Scales all gradients so that their global norm is at most {@code maxNorm}; returns the norm before. */
    public static double byGlobalNorm(List<Parameter> params, double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new InvalidInputException("maxNorm: must be positive, got " + maxNorm);
        }
        double norm = globalNorm(params);
        if (norm > maxNorm) {
            double f = maxNorm / norm;
            for (Parameter p : params) {
                double[] g = p.grad();
                for (int i = 0; i < g.length; i++) {
                    g[i] *= f;
                }
            }
        }
        return norm;
    }

    /** Clamps every gradient entry to {@code [−maxValue, maxValue]}. */
    public static void byValue(List<Parameter> params, double maxValue) {
        if (!(maxValue > 0)) {
            throw new InvalidInputException("maxValue: must be positive, got " + maxValue);
        }
        for (Parameter p : params) {
            double[] g = p.grad();
            for (int i = 0; i < g.length; i++) {
                g[i] = Math.max(-maxValue, Math.min(maxValue, g[i]));
            }
        }
    }
}
