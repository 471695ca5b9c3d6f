package io.github.attractor.cli.repro;

import io.github.attractor.analysis.stability.RestrictedStability;
import io.github.attractor.analysis.stability.SteadyStateRecovery;
import io.github.attractor.cli.io.Progress;
import io.github.attractor.cli.plot.Charts;
import io.github.attractor.core.error.ComputationException;
import io.github.attractor.core.fixed.FixedPoint;
import io.github.attractor.core.fixed.MultiStart;
import io.github.attractor.core.fixed.NewtonSolver;
import io.github.attractor.core.fixed.SolverSettings;
import io.github.attractor.core.fixed.Verdict;
import io.github.attractor.core.linalg.RandomMatrices;
import io.github.attractor.core.ode.IntegrationSettings;
import io.github.attractor.core.ode.Integrator;
import io.github.attractor.core.ode.Trajectory;
import io.github.attractor.memory.hopfield.KrotovHopfield;
import io.github.attractor.memory.lagrangian.ReluLagrangian;
import io.github.attractor.memory.network.Network;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.knowm.xchart.XYChart;

/**
 * Proposition 4 of "Associative memory and dead neurons" on random ReLU networks with dead neurons
 * (n = 10, symmetric GOE weights with spectrum in about [-1.5, 1.5], bias N(0,1)): every steady state
 * found by multi-start Newton that has dead neurons gets
 * <ul>
 *   <li>the verdict of {@code S = W⊥Λ⊥ - I} (item 2), compared with simulation: four perturbations of size
 *       {@code ε = 10⁻³ min(1, min|y_i|)} integrated until they settle; a perturbation that ends farther away
 *       than it started (or diverges) means unstable;</li>
 *   <li>if stable: a direct minimisation of energy (4) from a start whose dead coordinates are shifted by
 *       U(0.5, 5) deeper into the dead region, then the recovery {@code y = P_a ỹ + P_d(W g(ỹ) + b)}
 *       (item 3) and its residual {@code ‖W g(y) - y + b‖₂}.</li>
 * </ul>
 */
public final class SteadyStateRecoveryRepro implements Reproduction {
    static final int N = 10;

    @Override
    public String name() {
        return "steady-state-recovery";
    }

    @Override
    public String title() {
        return "Proposition 4: stability on the range of the Hessian, and steady states recovered from energy minima";
    }

    /** Per-steady-state outcome. */
    record Outcome(double maxRealS, double growth, boolean agree, double residual, double printedResidual,
            double distance) {
    }

    @Override
    public ReproResult run(ReproContext ctx) {
        int wanted = ctx.quick() ? 15 : 100;
        SplittableRandom rng = new SplittableRandom(ctx.seed());
        NewtonSolver newton = new NewtonSolver(SolverSettings.defaults().withTolerance(1e-12).withMaxIterations(60));
        List<Outcome> outcomes = new ArrayList<>();
        int drawn = 0;
        int used = 0;
        try (Progress bar = new Progress("steady-state-recovery", wanted, ctx.progress())) {
            while (used < wanted) {
                drawn++;
                DMatrixRMaj w = RandomMatrices.goe(N, rng);
                CommonOps_DDRM.scale(1.5 / (2 * Math.sqrt(N)), w);
                double[] b = new double[N];
                for (int i = 0; i < N; i++) {
                    b[i] = rng.nextGaussian();
                }
                Network net = new Network(w, b, new ReluLagrangian());
                KrotovHopfield field = KrotovHopfield.of(net);
                List<double[]> starts = new ArrayList<>();
                for (int s = 0; s < 40; s++) {
                    double[] x = new double[N];
                    for (int i = 0; i < N; i++) {
                        x[i] = 2 * rng.nextGaussian();
                    }
                    starts.add(x);
                }
                List<FixedPoint> withDead = new ArrayList<>();
                for (FixedPoint p : MultiStart.find(field, starts, newton, 1e-8).points()) {
                    double minAbs = Double.POSITIVE_INFINITY;
                    boolean dead = false;
                    for (double v : p.x()) {
                        minAbs = Math.min(minAbs, Math.abs(v));
                        dead |= v < 0;
                    }
                    if (dead && minAbs > 1e-6) {
                        withDead.add(p);
                    }
                }
                if (withDead.isEmpty()) {
                    continue;
                }
                used++;
                for (FixedPoint p : withDead) {
                    outcomes.add(examine(net, field, p, rng));
                }
                bar.step();
            }
        }
        double maxResidual = 0;
        double maxPrinted = 0;
        double maxDistance = 0;
        int agree = 0;
        int stable = 0;
        for (Outcome o : outcomes) {
            agree += o.agree() ? 1 : 0;
            if (!Double.isNaN(o.residual())) {
                stable++;
                maxResidual = Math.max(maxResidual, o.residual());
                maxPrinted = Math.max(maxPrinted, o.printedResidual());
                maxDistance = Math.max(maxDistance, o.distance());
            }
        }
        double agreement = (double) agree / outcomes.size();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("n", N);
        params.put("networks", used);
        params.put("networks_drawn", drawn);
        params.put("steady_states", outcomes.size());
        params.put("stable_steady_states", stable);
        params.put("weights", "GOE * 1.5 / (2 sqrt(n)), ReLU, bias N(0,1)");
        List<Row> rows = new ArrayList<>();
        rows.add(Row.of("relu", "max_residual", params, null, maxResidual));
        rows.add(Row.of("relu", "max_distance_to_steady_state", params, null, maxDistance));
        rows.add(Row.of("relu", "max_residual_printed_formula", params, null, maxPrinted));
        rows.add(Row.of("relu", "stability_agreement", params, null, agreement));
        XYChart chart = Charts.lines("Verdict of S vs simulation (" + outcomes.size() + " steady states)",
                "max Re eig(S)", "log10(final / initial distance), capped at 6", false);
        double[] xs = outcomes.stream().mapToDouble(Outcome::maxRealS).toArray();
        double[] ys = outcomes.stream().mapToDouble(o -> Math.log10(o.growth())).toArray();
        Charts.addPoints(chart, "steady states", xs, ys);
        Path png = ctx.outDir().resolve("steady-state-recovery.png");
        Charts.save(chart, png);
        String summary = String.format("%d networks (%d drawn), %d steady states with dead neurons (%d stable): "
                + "S agrees with simulation on %.1f%%; recovered states have residual <= %.2e (the formula as printed, "
                + "y = y~ + P_d(W g(y~) + b), leaves %.2e).", used, drawn, outcomes.size(), stable, 100 * agreement,
                maxResidual, maxPrinted);
        return new ReproResult(name(), rows, List.of(png), summary);
    }

    static Outcome examine(Network net, KrotovHopfield field, FixedPoint p, SplittableRandom rng) {
        double[] y = p.x();
        RestrictedStability rs = RestrictedStability.at(net, y, 1e-10, 1e-9);
        double minAbs = Double.POSITIVE_INFINITY;
        for (double v : y) {
            minAbs = Math.min(minAbs, Math.abs(v));
        }
        double eps = 1e-3 * Math.min(1, minAbs);
        double growth = 0;
        IntegrationSettings sim = IntegrationSettings.defaults().withTolerances(1e-12, 1e-12)
                .withConvergenceTolerance(1e-6 * eps).withRecordStates(false).withBlowUpBound(1e6);
        for (int trial = 0; trial < 4; trial++) {
            double[] d = new double[y.length];
            double norm = 0;
            for (int i = 0; i < d.length; i++) {
                d[i] = rng.nextGaussian();
                norm += d[i] * d[i];
            }
            norm = Math.sqrt(norm);
            double[] y0 = y.clone();
            for (int i = 0; i < d.length; i++) {
                y0[i] += eps * d[i] / norm;
            }
            double ratio;
            try {
                Trajectory tr = new Integrator(sim).integrate(field, y0, 0, 2000);
                ratio = distance(tr.finalState(), y) / eps;
            } catch (ComputationException diverged) {
                ratio = Double.POSITIVE_INFINITY;
            }
            growth = Math.max(growth, ratio);
        }
        Verdict simulated = growth > 1 ? Verdict.UNSTABLE : Verdict.STABLE;
        boolean agree = simulated == rs.verdict();
        double residual = Double.NaN;
        double printed = Double.NaN;
        double dist = Double.NaN;
        if (rs.verdict() == Verdict.STABLE) {
            double[] start = y.clone();
            for (int i = 0; i < y.length; i++) {
                start[i] += y[i] < 0 ? -(0.5 + 4.5 * rng.nextDouble()) : 0.1 * minAbs * (2 * rng.nextDouble() - 1);
            }
            double[] yTilde = SteadyStateRecovery.minimiseEnergy(net, start, 1e-13, 1e4);
            SteadyStateRecovery.Recovered rec = SteadyStateRecovery.recover(net, yTilde, 1e-10);
            residual = rec.residual();
            dist = distance(rec.y(), y);
            printed = SteadyStateRecovery.recoverAsPrinted(net, yTilde, 1e-10).residual();
        }
        return new Outcome(rs.spectrum().maxRealPart(), Math.min(growth, 1e6), agree, residual, printed, dist);
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }
}
