package io.github.attractor.core.ode;

import java.util.Arrays;

/**
 * The output of an integration: accepted-step times, states (when recorded; otherwise only the final
 * state), and per-step diagnostics — the energy (NaN when the model has none) and {@code ‖f(x)‖₂}.
 * Index 0 is the initial state.
 */
public final class Trajectory {
    private final double[] times;
    private final double[][] states;
    private final double[] energies;
    private final double[] residualNorms;
    private final double[] finalState;
    private final StopReason stopReason;
    private final int evaluations;

    Trajectory(double[] times, double[][] states, double[] energies, double[] residualNorms, double[] finalState,
            StopReason stopReason, int evaluations) {
        this.times = times;
        this.states = states;
        this.energies = energies;
        this.residualNorms = residualNorms;
        this.finalState = finalState;
        this.stopReason = stopReason;
        this.evaluations = evaluations;
    }

    /** Number of recorded points (accepted steps + 1). */
    public int size() {
        return times.length;
    }

    public double[] times() {
        return times;
    }

    /** Recorded states, or {@code null} when the settings asked not to record them. */
    public double[][] states() {
        return states;
    }

    public boolean hasStates() {
        return states != null;
    }

    /** Energy at each recorded point; all NaN when integrated without an energy. */
    public double[] energies() {
        return energies;
    }

    public boolean hasEnergy() {
        return energies.length > 0 && !Double.isNaN(energies[0]);
    }

    /** {@code ‖f(t_k, x_k)‖₂} at each recorded point. */
    public double[] residualNorms() {
        return residualNorms;
    }

    public double[] finalState() {
        return finalState.clone();
    }

    public double finalTime() {
        return times[times.length - 1];
    }

    public double finalResidualNorm() {
        return residualNorms[residualNorms.length - 1];
    }

    public StopReason stopReason() {
        return stopReason;
    }

    /** Right-hand-side evaluations spent. */
    public int evaluations() {
        return evaluations;
    }

    /**
     * Largest energy increase between consecutive recorded points, relative to the larger of the two
     * energies' magnitudes: {@code max_k max(0, E_{k+1} - E_k) / max(|E_k|, |E_{k+1}|)}; 0 when E is
     * non-increasing, NaN without an energy.
     */
    public double maxRelativeEnergyIncrease() {
        if (!hasEnergy()) {
            return Double.NaN;
        }
        double worst = 0;
        for (int k = 0; k + 1 < energies.length; k++) {
            double inc = energies[k + 1] - energies[k];
            if (inc > 0) {
                double scale = Math.max(Math.abs(energies[k]), Math.abs(energies[k + 1]));
                worst = Math.max(worst, scale > 0 ? inc / scale : Double.POSITIVE_INFINITY);
            }
        }
        return worst;
    }

    @Override
    public String toString() {
        return "Trajectory[points=" + size() + ", t=" + finalTime() + ", stop=" + stopReason + ", |f|="
                + finalResidualNorm() + ", x=" + Arrays.toString(Arrays.copyOf(finalState, Math.min(4, finalState.length)))
                + (finalState.length > 4 ? "..." : "") + "]";
    }
}
