package io.github.attractor.core.fixed;

import io.github.attractor.core.error.ComputationException;
import io.github.attractor.core.field.VectorField;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Multi-start search for the equilibria of a field: Newton from every start (in parallel), failures
 * counted, and results de-duplicated — two equilibria are the same when
 * {@code ‖x₁ - x₂‖∞ ≤ tol · max(1, ‖x₁‖∞)}. Order follows the first start that reached each point, so
 * results are deterministic.
 */
public final class MultiStart {
    private MultiStart() {
    }

    /** The distinct equilibria found, how many starts were tried and how many failed. */
    public record Result(List<FixedPoint> points, int starts, int failures) {
    }

    public static Result find(VectorField f, List<double[]> starts, NewtonSolver solver, double distinctTolerance) {
        FixedPoint[] found = new FixedPoint[starts.size()];
        IntStream.range(0, starts.size()).parallel().forEach(i -> {
            try {
                found[i] = solver.solve(f, starts.get(i));
            } catch (ComputationException e) {
                found[i] = null;
            }
        });
        List<FixedPoint> distinct = new ArrayList<>();
        int failures = 0;
        for (FixedPoint p : found) {
            if (p == null) {
                failures++;
            } else if (distinct.stream().noneMatch(q -> same(p.x(), q.x(), distinctTolerance))) {
                distinct.add(p);
            }
        }
        return new Result(distinct, starts.size(), failures);
    }

    static boolean same(double[] a, double[] b, double tol) {
        double scale = 1;
        double diff = 0;
        for (int i = 0; i < a.length; i++) {
            scale = Math.max(scale, Math.abs(a[i]));
            diff = Math.max(diff, Math.abs(a[i] - b[i]));
        }
        return diff <= tol * scale;
    }
}
