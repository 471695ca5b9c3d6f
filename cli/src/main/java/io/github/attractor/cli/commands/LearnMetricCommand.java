package io.github.attractor.cli.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.attractor.cli.io.Json;
import io.github.attractor.cli.io.Progress;
import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.learn.dynamics.LearnedDynamics;
import io.github.attractor.learn.elcd.ContractionMetric;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code attractor learn metric}: the contraction metric (4.15) of Proposition 4.3.3 with C = I on a grid of a 2-D
 * model, and the residual of (4.14) {@code M Df + Dfᵀ M + Ṁ = −I}, i.e. the check of (4.2).
 */
@Command(name = "metric", mixinStandardHelpOptions = true,
        description = "Contraction-metric check of a saved 2-D model: M(x) = int_0^inf psi^T psi dtau (4.15) on a "
                + "grid around x*, the largest eigenvalue of M Df + Df^T M + dM/dt (should be -1 by (4.14)) and "
                + "the rate c = 1/(2 lambda_max(M)) of (4.2).",
        footer = {"", "Examples:", "  attractor learn metric --model-file runs/a/model.attr --grid 3 --radius 1"})
public final class LearnMetricCommand implements Callable<Integer> {
    @Option(names = "--model-file", required = true, paramLabel = "FILE", description = "A 2-D model from learn train.")
    Path file;

    @Option(names = "--grid", defaultValue = "3", description = "Grid points per axis (default: ${DEFAULT-VALUE}).")
    int grid;

    @Option(names = "--radius", defaultValue = "1", description = "Half-width of the grid around x* (default: ${DEFAULT-VALUE}).")
    double radius;

    @Option(names = "--tolerance", defaultValue = "1e-10", description = "Absolute and relative tolerance of the "
            + "adaptive integration of (4.16) and (4.15) (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean noProgress;

    @Option(names = "--horizon", defaultValue = "2000", description = "Integration horizon; the integral must have "
            + "converged by then (default: ${DEFAULT-VALUE}).")
    double horizon;

    @Override
    public Integer call() {
        LearnedDynamics m = LearnSupport.load(file);
        if (m.dimension() != 2) {
            throw new InvalidInputException("learn metric: needs a 2-D model, got dimension " + m.dimension());
        }
        if (grid < 1) {
            throw new InvalidInputException("--grid must be at least 1, got " + grid);
        }
        ContractionMetric cm = new ContractionMetric(m, tolerance, horizon);
        double[] eq = m.equilibrium();
        ArrayNode pts = Json.array();
        double worst = Double.NEGATIVE_INFINITY;
        try (Progress bar = new Progress("metric (4.15) at " + grid * grid + " points", (long) grid * grid,
                !noProgress)) {
            for (int i = 0; i < grid; i++) {
                for (int j = 0; j < grid; j++) {
                    double u = grid == 1 ? 0 : -radius + 2 * radius * i / (grid - 1);
                    double v = grid == 1 ? 0 : -radius + 2 * radius * j / (grid - 1);
                    double[] x = {eq[0] + u, eq[1] + v};
                    double[] mx = cm.metric(x);
                    double lmax = maxSymEig(cm.residual(x, mx));
                    double mmax = maxSymEig(mx);
                    ObjectNode p = Json.object();
                    p.set("x", Json.array(x));
                    p.put("lhs_max_eig", lmax);
                    p.put("c", 1 / (2 * mmax));
                    pts.add(p);
                    worst = Math.max(worst, lmax);
                    bar.step();
                }
            }
        }
        ObjectNode json = Json.object();
        json.put("model", m.kind());
        json.put("worst_lhs_max_eig", worst);
        json.put("contracting", worst < 0);
        json.set("points", pts);
        System.out.println(Json.write(json));
        return 0;
    }

    static double maxSymEig(double[] a) {
        double p = a[0];
        double q = 0.5 * (a[1] + a[2]);
        double r = a[3];
        return 0.5 * (p + r) + Math.sqrt(0.25 * (p - r) * (p - r) + q * q);
    }
}
