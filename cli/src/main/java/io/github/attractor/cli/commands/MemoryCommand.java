package io.github.attractor.cli.commands;

import picocli.CommandLine.Command;

/** {@code attractor memory}: associative memories — store patterns, retrieve them, replay sequences. */
@Command(name = "memory", mixinStandardHelpOptions = true,
        description = "Associative memories: store patterns and check their separation, retrieve them (modern Hopfield, k-Hopfield, dense, classical) "
                + "and replay sequences (three-population sequence memory).",
        subcommands = {StoreCommand.class, RetrieveCommand.class, SequenceCommand.class},
        footer = {"", "Examples:",
                "  attractor memory retrieve --memories mnist.gz --limit 100 --cue 0,1 --model khopfield --k 3",
                "  attractor memory sequence --neurons 500 --length 10 --alpha-c 2",
                "  attractor memory sequence --patterns seq.npy --alpha-s 1 --alpha-c 1 --steps 12"})
public final class MemoryCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
