package io.github.attractor.cli.repro;

/** One figure or table of the papers, reproduced by {@code attractor repro <name>}. */
public interface Reproduction {

    /** Command-line name, e.g. {@code figure1}. */
    String name();

    /** What it reproduces (paper, figure/table). */
    String title();

    /** Runs it; images go to {@code ctx.outDir()}. */
    ReproResult run(ReproContext ctx);

    /**
     * Whether it reads reference data from outside the repository (MNIST); {@code attractor tour}, which runs
     * on built-in data only, skips those.
     */
    default boolean needsExternalData() {
        return false;
    }
}
