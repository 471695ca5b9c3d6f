package io.github.attractor.cli.commands;

import picocli.CommandLine.Command;

/** {@code attractor tln}: threshold-linear networks. */
@Command(name = "tln", mixinStandardHelpOptions = true,
        description = "Threshold-linear networks dx/dt = -x + [Wx + b]+: exact fixed points by support, lines of "
                + "fixed points, combinatorial TLNs from graphs, phase portraits.",
        subcommands = {TlnFixedPointsCommand.class, TlnPhaseCommand.class},
        footer = {"", "Examples:", "  attractor tln fixed-points --weights W.npy --bias b.npy",
                "  attractor tln fixed-points --graph \"0->1,1->2,2->0\"",
                "  attractor tln phase --example note-9 --out note9.png"})
public final class TlnCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
