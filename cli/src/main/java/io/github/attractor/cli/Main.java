package io.github.attractor.cli;

import io.github.attractor.cli.commands.AnalyzeCommand;
import io.github.attractor.cli.commands.ContractionCommand;
import io.github.attractor.cli.commands.EnergyCommand;
import io.github.attractor.cli.commands.LearnCommand;
import io.github.attractor.cli.commands.MemoryCommand;
import io.github.attractor.cli.commands.ReproCommand;
import io.github.attractor.cli.commands.TlnCommand;
import io.github.attractor.cli.commands.TourCommand;
import io.github.attractor.core.error.AttractorException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code attractor} command. Exit codes: 0 success, 2 bad input (one line on stderr, no stack
 * trace), 1 failed computation (with the reason).
 */
@Command(name = "attractor", mixinStandardHelpOptions = true, version = "attractor 0.1.0",
        description = "Neural networks as dynamical systems: energy-based associative memories, dead neurons, "
                + "Lyapunov functions, fixed points and stability, contraction certificates of recurrent networks, "
                + "threshold-linear networks and line attractors.",
        subcommands = {TourCommand.class, EnergyCommand.class, AnalyzeCommand.class, MemoryCommand.class,
                ContractionCommand.class, TlnCommand.class, LearnCommand.class, ReproCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Examples:", "  attractor tour                          # every capability on built-in defaults -> report/index.html",
                "  attractor energy --example wta --y0 0.5,0.2 --plot energy.png",
                "  attractor analyze fixed-points --example wta",
                "  attractor tln fixed-points --graph \"0->1,1->2,2->0\"",
                "  attractor memory sequence --alpha-c 2",
                "  attractor contraction check --weights W.npy",
                "  attractor repro figure1 --out out/"})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Runs the command line and returns the exit code (no {@code System.exit}, for tests). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setParameterExceptionHandler((ex, a) -> {
            System.err.println("attractor: " + ex.getMessage());
            System.err.println("  (see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof AttractorException ae) {
                System.err.println("attractor: " + ae.getMessage());
                return ae.exitCode();
            }
            System.err.println("attractor: internal error: " + ex);
            if (System.getenv("ATTRACTOR_DEBUG") != null) {
                ex.printStackTrace();
            }
            return 1;
        });
        return cl.execute(args);
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(run(args));
    }
}
