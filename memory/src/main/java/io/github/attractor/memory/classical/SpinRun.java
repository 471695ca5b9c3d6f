package io.github.attractor.memory.classical;

/**
 * The outcome of running a binary network: the final state, how many sweeps (asynchronous) or steps
 * (synchronous) were taken, whether a fixed point was reached within the cap, and the energy at the start
 * and after each sweep or step ({@code energies[0]} is the initial energy, {@code energies.length = sweeps + 1}).
 */
public record SpinRun(double[] state, int sweeps, boolean converged, double[] energies) {

    /** The energy of the final state. */
    public double finalEnergy() {
        return energies[energies.length - 1];
    }
}
