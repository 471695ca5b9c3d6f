package io.github.attractor.cli.commands;

import picocli.CommandLine.Command;

/** {@code attractor memory}: associative memories — store patterns, retrieve them, replay sequences. */
@Command(name = "memory", mixinStandardHelpOptions = true,
        description = "Associative memories: replay a stored sequence with the three-population sequence memory.",
        subcommands = {SequenceCommand.class},
        footer = {"", "Examples:", "  attractor memory sequence --neurons 500 --length 10 --alpha-c 2",
                "  attractor memory sequence --patterns seq.npy --alpha-s 1 --alpha-c 1 --steps 12"})
public final class MemoryCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
