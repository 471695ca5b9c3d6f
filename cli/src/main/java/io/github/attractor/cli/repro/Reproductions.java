package io.github.attractor.cli.repro;

import io.github.attractor.cli.io.Json;
import io.github.attractor.core.error.UnknownNameException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The registry of reproductions and their JSON/table output. */
public final class Reproductions {
    private Reproductions() {
    }

    public static List<Reproduction> all() {
        return List.of(new Figure1(), new DeadNeuronsRepro(), new EnergyDescentRepro(), new GoeStabilizationRepro(),
                new SteadyStateRecoveryRepro(), new SequenceReplayRepro(), new ClassicalCapacityRepro(),
                new KSoftmaxLimitsRepro(), new CapacityRepro(), new RecallAtKRepro(), new Theorem1SamplingRepro(),
                new ContractionSimulationRepro(), new Theorem7Repro(), new CombinationRepro(), new LineAttractorRepro(),
                new TlnEnumerationRepro(), new TransformToyRepro(), new ElcdTableRepro());
    }

    public static Reproduction byName(String name) {
        return all().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new UnknownNameException("unknown reproduction '" + name + "'; known: "
                        + all().stream().map(Reproduction::name).collect(Collectors.joining(", "))));
    }

    /** The JSON document {@code {"name", "rows", "seed", "images"}}. */
    public static ObjectNode toJson(ReproResult r, long seed) {
        ObjectNode root = Json.object();
        root.put("name", r.name());
        root.set("rows", Json.MAPPER.valueToTree(r.rows()));
        root.put("seed", seed);
        ArrayNode imgs = root.putArray("images");
        for (Path p : r.images()) {
            imgs.add(p.getFileName().toString());
        }
        return root;
    }

    /** Writes {@code DIR/<name>.json}. */
    public static Path write(ReproResult r, Path dir, long seed) {
        Path file = dir.resolve(r.name() + ".json");
        Json.write(file, toJson(r, seed));
        return file;
    }

    /** Prints the table: case, metric, paper, measured, sd. */
    public static void printTable(ReproResult r, PrintStream out) {
        int wc = Math.max(4, r.rows().stream().mapToInt(x -> x.caseName().length()).max().orElse(4));
        int wm = Math.max(6, r.rows().stream().mapToInt(x -> x.metric().length()).max().orElse(6));
        String fmt = "%-" + wc + "s  %-" + wm + "s  %12s  %14s  %10s%n";
        out.printf(fmt, "case", "metric", "paper", "measured", "sd");
        out.println("-".repeat(wc + wm + 44));
        for (Row row : r.rows()) {
            out.printf(fmt, row.caseName(), row.metric(), row.paper() == null ? "-" : fmtNum(row.paper()),
                    fmtNum(row.measured()), row.sd() == null ? "-" : fmtNum(row.sd()));
        }
        if (r.summary() != null && !r.summary().isBlank()) {
            out.println();
            out.println(r.summary());
        }
    }

    static String fmtNum(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e5) {
            return v == Math.rint(v) && a < 1e5 ? String.format("%.0f", v) : String.format("%.5g", v);
        }
        return String.format("%.3e", v);
    }
}
