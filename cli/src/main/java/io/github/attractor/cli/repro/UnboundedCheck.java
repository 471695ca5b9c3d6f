package io.github.attractor.cli.repro;

import io.github.attractor.analysis.lineattractor.InvariantSet;
import io.github.attractor.analysis.tln.ThresholdLinearNetwork;
import io.github.attractor.core.error.ComputationException;
import io.github.attractor.core.ode.IntegrationSettings;
import io.github.attractor.core.ode.Integrator;

/**
 * Simulation check of a perturbed unbounded line attractor's type: from four starts (two inside the positive
 * quadrant, two outside) integrated for {@code 8 / |μ - 1|}, a stable origin must shrink every state a
 * hundredfold, an unstable one must grow the states in the positive quadrant a hundredfold. Samples with
 * {@code |μ - 1| < 10⁻³} would need too long a run and count as agreeing only if classified as such.
 */
final class UnboundedCheck {
    private UnboundedCheck() {
    }

    static boolean agrees(ThresholdLinearNetwork net, InvariantSet type, double rate) {
        if (Math.abs(rate) < 1e-3) {
            return type == InvariantSet.LINE || type == InvariantSet.ORIGIN_STABLE || type == InvariantSet.ORIGIN_UNSTABLE;
        }
        Integrator integ = new Integrator(IntegrationSettings.defaults().withRecordStates(false).withBlowUpBound(1e12));
        double horizon = 8 / Math.abs(rate);
        for (double[] x0 : new double[][] {{1, 1}, {2, 0.5}, {-1, 2}, {1, -1}}) {
            double[] end;
            try {
                end = integ.integrate(net, x0, 0, horizon).finalState();
            } catch (ComputationException e) {
                return type == InvariantSet.ORIGIN_UNSTABLE;
            }
            double grow = Math.hypot(end[0], end[1]) / Math.hypot(x0[0], x0[1]);
            if (type == InvariantSet.ORIGIN_STABLE && !(grow < 0.01)) {
                return false;
            }
            if (type == InvariantSet.ORIGIN_UNSTABLE && x0[0] > 0 && x0[1] > 0 && !(grow > 100)) {
                return false;
            }
        }
        return type == InvariantSet.ORIGIN_STABLE || type == InvariantSet.ORIGIN_UNSTABLE;
    }
}
