package io.github.attractor.cli.commands;

import io.github.attractor.cli.io.Json;
import io.github.attractor.cli.repro.ReproContext;
import io.github.attractor.cli.repro.ReproResult;
import io.github.attractor.cli.repro.Reproduction;
import io.github.attractor.cli.repro.Reproductions;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code attractor repro <name>}. */
@Command(name = "repro", mixinStandardHelpOptions = true,
        description = "Reproduce a figure or table of the papers: writes DIR/<name>.json "
                + "({\"name\", \"rows\": [{case, metric, params, paper, measured, sd}]}) and PNGs, and prints the table.",
        footer = {"", "Reproductions: figure1, dead-neurons, energy-descent, goe-stabilization, steady-state-recovery,",
                "  sequence-replay, classical-capacity, ksoftmax-limits, capacity, recall-at-k (these two read",
                "  MNIST from $ATTRACTOR_DATA/mnist, default ../shared/data), theorem1-sampling, contraction-simulation,",
                "  theorem7, combination, line-attractor, tln-enumeration, all",
                "", "Examples:", "  attractor repro figure1 --out out/", "  attractor repro goe-stabilization --seed 7",
                "  attractor repro theorem7 --out out/", "  attractor repro all --quick"})
public final class ReproCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", description = "Reproduction name, or 'all'.")
    String name;

    @Option(names = "--out", defaultValue = "out", paramLabel = "DIR", description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--seed", defaultValue = "2024", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--quick", description = "Short version (the one the tour runs).")
    boolean quick;

    @Option(names = "--json", description = "Print the JSON document instead of the table.")
    boolean json;

    @Option(names = "--no-progress", description = "Do not draw progress bars on stderr.")
    boolean noProgress;

    @Override
    public Integer call() {
        List<Reproduction> todo = name.equals("all") ? Reproductions.all() : List.of(Reproductions.byName(name));
        for (Reproduction r : todo) {
            System.err.println("repro " + r.name() + ": " + r.title() + " (seed " + seed + (quick ? ", quick" : "") + ")");
            ReproResult res = r.run(new ReproContext(out, quick, seed, !noProgress));
            Path file = Reproductions.write(res, out, seed);
            if (json) {
                System.out.println(Json.write(Reproductions.toJson(res, seed)));
            } else {
                Reproductions.printTable(res, System.out);
                System.out.println("written: " + file + (res.images().isEmpty() ? "" : ", " + res.images().size() + " PNG"));
                System.out.println();
            }
        }
        return 0;
    }
}
