package io.github.attractor.memory.sequence;

import io.github.attractor.core.error.Require;
import io.github.attractor.core.ode.Trajectory;

/**
 * Whether an energy went up along a recorded trajectory, and by how much: over consecutive recorded points
 * {@code k → k+1},
 * <pre>
 *   maxRelativeIncrease = max_k max(0, E_{k+1} - E_k) / max(|E_k|, |E_{k+1}|),
 *   maxAbsoluteIncrease = max_k max(0, E_{k+1} - E_k),
 * </pre>
 * the number of increasing steps, and where the worst one ended. For a model whose energy is a Lyapunov
 * function the increases are at round-off level ({@code ~1e-15} relative); anything well above that is a
 * real increase.
 *
 * @param maxRelativeIncrease largest relative increase (0 when E never increased)
 * @param maxAbsoluteIncrease largest absolute increase (0 when E never increased)
 * @param increasingSteps     number of steps with {@code E_{k+1} > E_k}
 * @param steps               number of steps (recorded points - 1)
 * @param worstTime           time at the end of the step with the largest relative increase (NaN if none)
 */
public record EnergyMonotonicity(double maxRelativeIncrease, double maxAbsoluteIncrease, int increasingSteps,
        int steps, double worstTime) {

    /** The measure over a trajectory integrated with an energy. */
    public static EnergyMonotonicity of(Trajectory trajectory) {
        Require.that(trajectory.hasEnergy(), "trajectory: integrated without an energy");
        return of(trajectory.times(), trajectory.energies());
    }

    /** The measure over a sequence of energies at the given times (equal lengths, at least one point). */
    public static EnergyMonotonicity of(double[] times, double[] energies) {
        Require.length("times", times, energies.length);
        Require.that(energies.length >= 1, "energies: need at least one point");
        double rel = 0;
        double abs = 0;
        int up = 0;
        double worst = Double.NaN;
        for (int k = 0; k + 1 < energies.length; k++) {
            double inc = energies[k + 1] - energies[k];
            if (inc > 0) {
                up++;
                abs = Math.max(abs, inc);
                double scale = Math.max(Math.abs(energies[k]), Math.abs(energies[k + 1]));
                double r = scale > 0 ? inc / scale : Double.POSITIVE_INFINITY;
                if (r > rel) {
                    rel = r;
                    worst = times[k + 1];
                }
            }
        }
        return new EnergyMonotonicity(rel, abs, up, energies.length - 1, worst);
    }

    /** Whether every relative increase is at most {@code tolerance} (e.g. 1e-12 for round-off). */
    public boolean isMonotone(double tolerance) {
        return maxRelativeIncrease <= tolerance;
    }
}
