package io.github.attractor.cli.commands;

import picocli.CommandLine.Command;

/** {@code attractor analyze}: analyses of a network's dynamics. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Analyse a network: dead neurons and flat energy directions, fixed points and their stability, slow points.",
        subcommands = {DeadNeuronsCommand.class, FixedPointsCommand.class, SlowPointsCommand.class},
        footer = {"", "Examples:", "  attractor analyze dead-neurons --example wta --state 1,-1",
                "  attractor analyze fixed-points --example random --size 8 --starts 100",
                "  attractor analyze slow-points --example tanh-ghost"})
public final class AnalyzeCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
