package io.github.attractor.cli.repro;

import io.github.attractor.cli.io.Progress;
import io.github.attractor.cli.plot.Charts;
import io.github.attractor.core.energy.EnergyModel;
import io.github.attractor.core.error.ComputationException;
import io.github.attractor.core.error.NonConvergenceException;
import io.github.attractor.core.error.StepSizeCollapseException;
import io.github.attractor.core.linalg.MatrixMeasure;
import io.github.attractor.core.linalg.RandomMatrices;
import io.github.attractor.core.ode.IntegrationSettings;
import io.github.attractor.core.ode.Integrator;
import io.github.attractor.core.ode.Method;
import io.github.attractor.core.ode.Trajectory;
import io.github.attractor.memory.hierarchical.HierarchicalMemory;
import io.github.attractor.memory.hopfield.KrotovHopfield;
import io.github.attractor.memory.lagrangian.Lagrangian;
import io.github.attractor.memory.lagrangian.Lagrangians;
import io.github.attractor.memory.modified.LyapunovFamily;
import io.github.attractor.memory.modified.ModifiedDynamics;
import io.github.attractor.memory.modified.Preconditioners;
import io.github.attractor.memory.modified.ResidualDynamics;
import io.github.attractor.memory.network.Network;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.knowm.xchart.XYChart;

/**
 * Energy descent along trajectories (Krotov–Hopfield (1)/(4) and Proposition 5 with the R choices of
 * Examples 5–7, plus the y-variant (13)/(14)): for every Lagrangian with a positive semidefinite Hessian
 * and every dynamics, random networks of 50 neurons drawn to satisfy the conditions of the example, each
 * integrated from a random state with Dormand–Prince 8(5,3) until {@code ‖dx/dt‖ < 1e-6} or t = 200.
 * (E3 and E14 vanish quadratically at the equilibrium while their computed values carry round-off of
 * order {@code ε‖h‖}; below {@code ‖h‖ ≈ 1e-7} that noise alone reaches 1e-9 relative, so the runs stop
 * at 1e-6.)
 * With ReLU, the choices of R that depend on Λ make the field discontinuous at {@code y_i = 0}; where a
 * trajectory slides along such a surface the adaptive step collapses (or its budget of 10⁵ evaluations
 * runs out), and that network is integrated
 * again with fixed-step RK4 (h = 0.01), which follows the sliding motion (counted in the params).
 * Rows: the largest energy increase between consecutive accepted steps, relative to |E|, and (modified
 * dynamics) the smallest eigenvalue of {@code RᵀF + FᵀR} (condition (11)) over all accepted states.
 */
public final class EnergyDescentRepro implements Reproduction {
    static final List<String> LAGRANGIANS = List.of("relu", "sigmoid", "softmax", "tanh", "identity", "layernorm",
            "smooth-leaky-relu");

    @Override
    public String name() {
        return "energy-descent";
    }

    @Override
    public String title() {
        return "Energy is non-increasing along trajectories: (1)/(4), (9) with Examples 5-7, (13)/(14)";
    }

    /** A model to integrate and, for the modified dynamics, its condition-(11) function. */
    record Model(EnergyModel field, Function<double[], Double> condition11) {
    }

    /** One dynamics: label, energy label, how its weights are drawn and how the model is built. */
    record Dynamics(String label, String weights, BiFunction<Integer, SplittableRandom, DMatrixRMaj> draw,
            Function<Network, Model> build) {
    }

    static List<Dynamics> dynamics() {
        return List.of(
                new Dynamics("(1) E(4)", "symmetric, |W|_2=0.9",
                        (n, rng) -> RandomMatrices.symmetricWithSpectralNorm(n, 0.9, rng),
                        net -> new Model(KrotovHopfield.of(net), null)),
                new Dynamics("(9) R=W E2", "symmetric positive definite, eig in [0.1,0.9]",
                        (n, rng) -> RandomMatrices.positiveDefinite(n, 0.1, 0.9, rng),
                        net -> modified(net, LyapunovFamily.e2(), Preconditioners.weights())),
                new Dynamics("(9) R=polar(F) E1+E2+E3", "symmetric positive definite, eig in [0.1,0.9]",
                        (n, rng) -> RandomMatrices.positiveDefinite(n, 0.1, 0.9, rng),
                        net -> modified(net, LyapunovFamily.of(1, 1, 1, null), Preconditioners.polar())),
                new Dynamics("(9) RW+WR=I E2", "symmetric positive definite, eig in [0.1,0.9]",
                        (n, rng) -> RandomMatrices.positiveDefinite(n, 0.1, 0.9, rng),
                        net -> modified(net, LyapunovFamily.e2(), Preconditioners.lyapunov(net, null))),
                new Dynamics("(9) R=I-WtL E3", "non-symmetric Gaussian, |W|_2=0.9",
                        (n, rng) -> RandomMatrices.withSpectralNorm(RandomMatrices.gaussian(n, n, rng), 0.9),
                        net -> modified(net, LyapunovFamily.e3(), Preconditioners.residualJacobian())),
                new Dynamics("(9) R=L E3", "non-symmetric, omega(W) = -0.05 <= 0",
                        EnergyDescentRepro::negativeAbscissa,
                        net -> modified(net, LyapunovFamily.e3(), Preconditioners.hessian())),
                new Dynamics("(13) R=I-LWt E(14)", "non-symmetric Gaussian, |W|_2=0.9",
                        (n, rng) -> RandomMatrices.withSpectralNorm(RandomMatrices.gaussian(n, n, rng), 0.9),
                        net -> new Model(new ResidualDynamics(net, ResidualDynamics.Choice.TRANSPOSED, null), null)));
    }

    static Model modified(Network net, LyapunovFamily family, io.github.attractor.memory.modified.Preconditioner r) {
        ModifiedDynamics m = new ModifiedDynamics(net, family, r);
        return new Model(m, m::condition11MinEigenvalue);
    }

    /** A Gaussian matrix shifted so its numerical abscissa {@code ω(W) = λmax((W+Wᵀ)/2)} is -0.05. */
    static DMatrixRMaj negativeAbscissa(int n, SplittableRandom rng) {
        DMatrixRMaj w = RandomMatrices.withSpectralNorm(RandomMatrices.gaussian(n, n, rng), 0.9);
        double omega = MatrixMeasure.mu2(w);
        for (int i = 0; i < n; i++) {
            w.add(i, i, -(omega + 0.05));
        }
        return w;
    }

    /** Result of one case over its networks, and the energy trace of the first network. */
    record CaseResult(String lagrangian, String dynamics, String weights, double maxIncrease, double minCondition,
            int fallbacks, double[] times, double[] energies) {
    }

    /** Fixed-step RK4 for trajectories that slide along a switching surface of a discontinuous field. */
    static final IntegrationSettings FALLBACK = IntegrationSettings.defaults().withMethod(Method.RK4).withStep(1e-2)
            .withConvergenceTolerance(1e-6).withRecordStates(true);

    @Override
    public ReproResult run(ReproContext ctx) {
        int n = ctx.quick() ? 20 : 50;
        int networks = ctx.quick() ? 3 : 20;
        List<String[]> cases = new ArrayList<>();
        for (String lag : LAGRANGIANS) {
            for (Dynamics d : dynamics()) {
                cases.add(new String[] {lag, d.label()});
            }
        }
        cases.add(new String[] {"smooth-leaky-relu", "Example 7 (9) R=I-WtL E3"});
        IntegrationSettings settings = IntegrationSettings.defaults().withMethod(Method.DORMAND_PRINCE_853)
                .withTolerances(1e-12, 1e-12).withConvergenceTolerance(1e-6).withMaxEvaluations(100_000);
        List<CaseResult> results = new ArrayList<>();
        try (Progress bar = new Progress("energy-descent", (long) cases.size() * networks, ctx.progress())) {
            for (int c = 0; c < cases.size(); c++) {
                String lagName = cases.get(c)[0];
                String dynLabel = cases.get(c)[1];
                long caseSeed = ctx.seed() * 1_000_003L + c;
                results.add(runCase(lagName, dynLabel, n, networks, caseSeed, settings, bar));
            }
        }
        List<Row> rows = new ArrayList<>();
        double worstIncrease = 0;
        double worstCondition = Double.POSITIVE_INFINITY;
        for (CaseResult r : results) {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("lagrangian", r.lagrangian());
            params.put("dynamics", r.dynamics());
            params.put("weights", r.weights());
            params.put("n", n);
            params.put("networks", networks);
            params.put("integrator", "dop853 atol=rtol=1e-12, stop |dx/dt| < 1e-6 or t = 200");
            params.put("sliding_fallbacks_rk4_h0.01", r.fallbacks());
            String caseName = r.lagrangian() + " / " + r.dynamics();
            rows.add(Row.of(caseName, "max_relative_increase", params, 0.0, r.maxIncrease()));
            worstIncrease = Math.max(worstIncrease, r.maxIncrease());
            if (!Double.isNaN(r.minCondition())) {
                rows.add(Row.of(caseName, "min_condition11_eigenvalue", params, null, r.minCondition()));
                worstCondition = Math.min(worstCondition, r.minCondition());
            }
        }
        List<Path> images = new ArrayList<>();
        for (String lag : ctx.quick() ? List.of("sigmoid") : LAGRANGIANS) {
            XYChart chart = Charts.lines("Energy along a trajectory, " + lag + " (first network of each dynamics)", "t",
                    "(E(t) - E_end) / (E(0) - E_end)", true);
            for (CaseResult r : results) {
                if (r.lagrangian().equals(lag) && r.times().length > 1) {
                    Charts.addLine(chart, r.dynamics(), r.times(), normalised(r.energies()));
                }
            }
            Path png = ctx.outDir().resolve("energy-descent-" + lag + ".png");
            Charts.save(chart, png);
            images.add(png);
        }
        String summary = String.format("%d cases x %d networks of %d neurons: largest relative energy increase "
                + "between accepted steps %.2e; smallest eigenvalue of condition (11) %.3e.", results.size(), networks,
                n, worstIncrease, worstCondition);
        return new ReproResult(name(), rows, images, summary);
    }

    static CaseResult runCase(String lagName, String dynLabel, int n, int networks, long seed,
            IntegrationSettings settings, Progress bar) {
        boolean example7 = dynLabel.startsWith("Example 7");
        Dynamics dyn = example7 ? null
                : dynamics().stream().filter(d -> d.label().equals(dynLabel)).findFirst().orElseThrow();
        Lagrangian lag = Lagrangians.parse(lagName);
        double[][] perNet = new double[networks][];
        AtomicInteger fallbacks = new AtomicInteger();
        Trajectory[] first = new Trajectory[1];
        long[] seeds = new SplittableRandom(seed).longs(networks).toArray();
        IntStream.range(0, networks).parallel().forEach(k -> {
            SplittableRandom rng = new SplittableRandom(seeds[k]);
            double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                b[i] = rng.nextGaussian();
            }
            Network net;
            Model model;
            if (example7) {
                int a = 2 * n / 5;
                net = HierarchicalMemory.example7(new int[] {a, a, n - 2 * a}, b, rng);
                model = modified(net, LyapunovFamily.e3(), Preconditioners.residualJacobian());
            } else {
                net = new Network(dyn.draw().apply(n, rng), b, lag);
                model = dyn.build().apply(net);
            }
            double[] x0 = new double[n];
            for (int i = 0; i < n; i++) {
                x0[i] = 2 * rng.nextGaussian();
            }
            Trajectory tr;
            try {
                try {
                    tr = new Integrator(settings).integrate(model.field(), model.field().energy(), x0, 0, 200, null);
                } catch (StepSizeCollapseException | NonConvergenceException sliding) {
                    // A discontinuous field (Λ of ReLU jumps at 0) whose trajectory slides along y_i = 0: follow
                    // the slide with small fixed steps instead.
                    fallbacks.incrementAndGet();
                    tr = new Integrator(FALLBACK).integrate(model.field(), model.field().energy(), x0, 0, 200, null);
                }
            } catch (ComputationException e) {
                throw new ComputationException("energy-descent case " + lagName + " / " + dynLabel + ", network " + k
                        + ": " + e.getMessage(), e);
            }
            double minCond = Double.NaN;
            if (model.condition11() != null) {
                minCond = Double.POSITIVE_INFINITY;
                for (double[] state : tr.states()) {
                    minCond = Math.min(minCond, model.condition11().apply(state));
                }
            }
            perNet[k] = new double[] {tr.maxRelativeEnergyIncrease(), minCond};
            if (k == 0) {
                first[0] = tr;
            }
            bar.step();
        });
        double maxInc = 0;
        double minCond = Double.NaN;
        for (double[] r : perNet) {
            maxInc = Math.max(maxInc, r[0]);
            if (!Double.isNaN(r[1])) {
                minCond = Double.isNaN(minCond) ? r[1] : Math.min(minCond, r[1]);
            }
        }
        String weights = example7 ? "Example 7: 3 layers, blocks W~/(2|W~|_2), smooth leaky ReLU" : dyn.weights();
        return new CaseResult(example7 ? "smooth-leaky-relu" : lagName, dynLabel, weights, maxInc, minCond,
                fallbacks.get(), first[0].times(), first[0].energies());
    }

    private static double[] normalised(double[] e) {
        double end = e[e.length - 1];
        double span = e[0] - end;
        double[] out = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            out[i] = span == 0 ? 0 : (e[i] - end) / span;
        }
        return out;
    }
}
