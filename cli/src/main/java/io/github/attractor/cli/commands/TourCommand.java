package io.github.attractor.cli.commands;

import io.github.attractor.analysis.contraction.AbsoluteValueRestricted;
import io.github.attractor.analysis.contraction.Certificate;
import io.github.attractor.analysis.contraction.ModuleSampler;
import io.github.attractor.analysis.deadneurons.DeadNeuronReport;
import io.github.attractor.analysis.rnn.Input;
import io.github.attractor.analysis.rnn.MembraneRnn;
import io.github.attractor.analysis.rnn.Nonlinearity;
import io.github.attractor.analysis.stability.RestrictedStability;
import io.github.attractor.cli.io.NetworkOptions;
import io.github.attractor.cli.io.Progress;
import io.github.attractor.cli.plot.Charts;
import io.github.attractor.cli.plot.ImageGrid;
import io.github.attractor.cli.plot.LearnedFieldPlot;
import io.github.attractor.cli.plot.PhasePortrait;
import io.github.attractor.cli.report.HtmlReport;
import io.github.attractor.cli.repro.ReproContext;
import io.github.attractor.cli.repro.ReproResult;
import io.github.attractor.cli.repro.Reproduction;
import io.github.attractor.cli.repro.Reproductions;
import io.github.attractor.core.field.VectorField;
import io.github.attractor.core.fixed.FixedPoint;
import io.github.attractor.core.fixed.MultiStart;
import io.github.attractor.core.fixed.NewtonSolver;
import io.github.attractor.core.fixed.SolverSettings;
import io.github.attractor.core.linalg.RandomMatrices;
import io.github.attractor.core.ode.IntegrationSettings;
import io.github.attractor.core.ode.Integrator;
import io.github.attractor.core.ode.Trajectory;
import io.github.attractor.data.corrupt.Corruptions;
import io.github.attractor.data.trajectory.TrajectoryDataset;
import io.github.attractor.learn.dynamics.LearnedDynamics;
import io.github.attractor.learn.elcd.ElcdFlow;
import io.github.attractor.learn.elcd.ElcdTrainer;
import io.github.attractor.learn.elcd.Guarantees;
import io.github.attractor.memory.hopfield.KrotovHopfield;
import io.github.attractor.memory.lagrangian.ReluLagrangian;
import io.github.attractor.memory.lagrangian.SoftplusLagrangian;
import io.github.attractor.memory.modern.KHopfieldLayer;
import io.github.attractor.memory.modified.LyapunovFamily;
import io.github.attractor.memory.modified.ModifiedDynamics;
import io.github.attractor.memory.modified.Preconditioners;
import io.github.attractor.memory.network.Network;
import io.github.attractor.memory.store.MemoryStore;
import io.github.attractor.memory.store.Similarity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.ejml.data.DMatrixRMaj;
import org.knowm.xchart.XYChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code attractor tour}: a short run of every capability on built-in defaults, as an HTML report. */
@Command(name = "tour", mixinStandardHelpOptions = true,
        description = "Run a short version of every capability on built-in defaults (no downloads) and write "
                + "an HTML report with all plots: energies along trajectories, fixed points, dead neurons, and the "
                + "quick versions of every reproduction.",
        footer = {"", "Examples:", "  attractor tour", "  attractor tour --out /tmp/report --seed 3"})
public final class TourCommand implements Callable<Integer> {
    @Option(names = "--out", defaultValue = "report", paramLabel = "DIR",
            description = "Report directory; the page is DIR/index.html (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--seed", defaultValue = "2024", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-progress", description = "Do not draw progress bars on stderr.")
    boolean noProgress;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        HtmlReport page = new HtmlReport("attractor tour");
        page.paragraph("Seed " + seed + ". Every section below ran on built-in defaults; each reproduction is the "
                + "quick version (run 'attractor repro NAME' for the full one).");
        energySection(page);
        fixedPointSection(page);
        retrievalSection(page);
        contractionSection(page);
        learningSection(page);
        for (Reproduction r : Reproductions.all()) {
            if (r.needsExternalData()) {
                continue;
            }
            System.err.println("tour: " + r.name());
            ReproResult res = r.run(new ReproContext(out, true, seed, !noProgress));
            Reproductions.write(res, out, seed);
            page.reproduction(r.title() + " [repro " + r.name() + "]", res, out);
        }
        Path index = out.resolve("index.html");
        page.write(index);
        System.out.printf("tour finished in %.1f s: %s%n", (System.nanoTime() - start) / 1e9, index.toAbsolutePath());
        return 0;
    }

    private void energySection(HtmlReport page) {
        System.err.println("tour: energy along trajectories");
        SplittableRandom rng = new SplittableRandom(seed);
        int n = 30;
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = rng.nextGaussian();
        }
        // Positive definite W: with E2 the polar factor of F = W is constant, and E2 is bounded below only then.
        Network sym = new Network(RandomMatrices.positiveDefinite(n, 0.1, 3.0, rng), b, new SoftplusLagrangian());
        double[] y0 = new double[n];
        for (int i = 0; i < n; i++) {
            y0[i] = 2 * rng.nextGaussian();
        }
        IntegrationSettings s = IntegrationSettings.defaults().withTolerances(1e-10, 1e-10).withConvergenceTolerance(1e-8);
        KrotovHopfield kh = KrotovHopfield.of(sym);
        Trajectory original = new Integrator(s).integrate(kh, kh.energy(), y0, 0, 200, null);
        ModifiedDynamics polar = new ModifiedDynamics(sym, LyapunovFamily.e2(), Preconditioners.polar());
        Trajectory modified = new Integrator(s).integrate(polar, polar.energy(), y0, 0, 200, null);
        XYChart c = Charts.lines("Energy descent, 30 sigmoid neurons, W positive definite, |W|_2 <= 3", "t", "E(t) - E(end)", true);
        Charts.addLine(c, "(1) with energy (4)", original.times(), shifted(original.energies()));
        Charts.addLine(c, "(9) R = polar(F) with E2", modified.times(), shifted(modified.energies()));
        Path png = out.resolve("tour-energy.png");
        Charts.save(c, png);
        page.section("Energy along trajectories", String.format("Krotov-Hopfield dynamics (1) and the modified dynamics "
                + "(9) with R from the polar decomposition, same network and start. Energy (4): %.6g -> %.6g in %d steps "
                + "(%s); E2: %.6g -> %.6g in %d steps (%s). Largest relative increase between steps: %.1e and %.1e.",
                original.energies()[0], original.energies()[original.size() - 1], original.size() - 1,
                original.stopReason(), modified.energies()[0], modified.energies()[modified.size() - 1],
                modified.size() - 1, modified.stopReason(), original.maxRelativeEnergyIncrease(),
                modified.maxRelativeEnergyIncrease()));
        page.image(out.relativize(png), "energy minus its final value (log scale)");
    }

    /**
     * Contraction certificates: sparse 16×16 modules sampled as in Appendix 5.4 of Kozachkov et al., the
     * Theorem-1 acceptance rate, one module's certificate checked against a simulation (two trajectories of the
     * tanh RNN under the same input, their distance in the certificate's metric against e^{-ct}).
     */
    private void contractionSection(HtmlReport page) {
        System.err.println("tour: contraction certificates");
        ModuleSampler sampler = new ModuleSampler(16, 0.4, 0.4);
        ModuleSampler.Acceptance acc = sampler.acceptance(5000, 1, seed);
        DMatrixRMaj w = null;
        Certificate cert = null;
        for (DMatrixRMaj m : sampler.accepted(20, 1, seed, 1_000_000)) {
            Certificate c = AbsoluteValueRestricted.check(m, 1);
            if (cert == null || c.rate() > cert.rate()) {
                w = m;
                cert = c;
            }
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] a = new double[16];
        double[] b = new double[16];
        double[] amp = new double[16];
        for (int i = 0; i < 16; i++) {
            a[i] = 3 * rng.nextGaussian();
            b[i] = 3 * rng.nextGaussian();
            amp[i] = rng.nextGaussian();
        }
        MembraneRnn rnn = MembraneRnn.of(w, Nonlinearity.parse("tanh")).withInput(Input.of(t -> {
            double[] u = new double[16];
            for (int i = 0; i < 16; i++) {
                u[i] = amp[i] * Math.sin(t + i);
            }
            return u;
        }));
        // both copies in one system, so that their states are recorded at the same times
        VectorField pair = new VectorField() {
            @Override
            public int dimension() {
                return 32;
            }

            @Override
            public void evaluate(double t, double[] x, double[] dx) {
                double[] h = new double[16];
                double[] dh = new double[16];
                for (int copy = 0; copy < 2; copy++) {
                    System.arraycopy(x, 16 * copy, h, 0, 16);
                    rnn.evaluate(t, h, dh);
                    System.arraycopy(dh, 0, dx, 16 * copy, 16);
                }
            }
        };
        double[] ab = new double[32];
        System.arraycopy(a, 0, ab, 0, 16);
        System.arraycopy(b, 0, ab, 16, 16);
        IntegrationSettings s = IntegrationSettings.defaults().withTolerances(1e-11, 1e-11);
        Trajectory tr = new Integrator(s).integrate(pair, ab, 0, 30);
        double[] dist = new double[tr.size()];
        double[] bound = new double[tr.size()];
        double d0 = metricDistance(a, b, cert.metric());
        double worst = 0;
        for (int k = 0; k < tr.size(); k++) {
            double[] x = tr.states()[k];
            dist[k] = metricDistance(Arrays.copyOfRange(x, 0, 16), Arrays.copyOfRange(x, 16, 32), cert.metric());
            bound[k] = d0 * Math.exp(-cert.rate() * tr.times()[k]);
            if (k > 0) {
                worst = Math.max(worst, dist[k] / bound[k]);
            }
        }
        XYChart c = Charts.lines("Two trajectories of a certified 16-unit tanh RNN under the same input", "t",
                "‖x1(t) - x2(t)‖_P", true);
        Charts.addLine(c, "simulated", tr.times(), dist);
        Charts.addLine(c, "bound e^{-ct}‖x1(0) - x2(0)‖_P", tr.times(), bound);
        Path png = out.resolve("tour-contraction.png");
        Charts.save(c, png);
        page.section("Contraction certificates (Theorem 1)", String.format(Locale.ROOT,
                "16×16 modules, density 0.4, entries U(-0.4, 0.4), zero diagonal (Appendix 5.4): %d of %d pass Theorem 1 "
                + "(%.2f %%, 95%% interval %.2f–%.2f %%; the paper: about 1 %%). The fastest of the first 20 accepted "
                + "modules: %s; rate c = %.3f. Simulated with tanh and a sinusoidal input from two random starts, the "
                + "distance in P never exceeds the bound (largest ratio %.4f).", acc.accepted(), acc.samples(),
                100 * acc.rate(), 100 * acc.ciLow(), 100 * acc.ciHigh(), cert.reason(), cert.rate(), worst));
        page.image(out.relativize(png), "distance between the trajectories in the metric P and the certified bound");
    }

    /**
     * ELCD and its baselines on a built-in simulated system: the damped pendulum ({@code pendulum-sim:1}, 2-D,
     * five of its ten trajectories from seeded random starts), a few epochs each, DTWD of the rollouts, the learned fields, and the
     * guarantee checks of the trained ELCD.
     */
    private void learningSection(HtmlReport page) {
        System.err.println("tour: learning stable dynamics");
        String spec = "pendulum-sim:1";
        TrajectoryDataset ds = LearnSupport.dataset(spec, seed, false, 0).select(0, 2, 4, 6, 8);
        int epochs = 8;
        List<List<String>> table = new ArrayList<>();
        List<PhasePortrait.Panel> panels = new ArrayList<>();
        Guarantees.Result g = null;
        try (Progress bar = new Progress("training 4 models", 4, !noProgress)) {
            for (String name : List.of("elcd-flow", "sdd", "eflow", "ncds")) {
                long t0 = System.nanoTime();
                LearnedDynamics m = LearnModels.create(name, 2, 16, 0.01, ds.equilibrium(), seed);
                double loss = new ElcdTrainer(epochs, 100, 1e-2, seed).train(m, LearnSupport.flat(ds.states()),
                        LearnSupport.flat(ds.velocities()), null);
                double[][][] rolls = LearnSupport.rollouts(m, ds);
                double[] dtwd = LearnSupport.dtwd(ds, rolls);
                double mean = Arrays.stream(dtwd).average().orElse(Double.NaN);
                table.add(List.of(name, String.format(Locale.ROOT, "%.4g", loss), String.format(Locale.ROOT, "%.4f",
                        mean), String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) * 1e-9)));
                panels.add(LearnedFieldPlot.panel(String.format(Locale.ROOT, "%s, DTWD %.3f", name, mean), m, ds, rolls));
                if (m instanceof ElcdFlow) {
                    g = Guarantees.check(m, ds.states(), 1000, 100, 10, seed);
                }
                bar.step();
            }
        }
        Path png = out.resolve("tour-learning.png");
        PhasePortrait.save(png, panels, 2);
        page.section("Learning stable dynamics (ELCD)", String.format(Locale.ROOT, "A damped pendulum simulated by our "
                + "Lagrangian-mechanics model (%s, %d trajectories of %d samples, step 0.1, raw units) learned by ELCD "
                + "with a learned diffeomorphism and the three baselines of Section 4.4, %d epochs of Adam (lr 1e-2, "
                + "batch 100) each, then rolled out with RK4 from every start. ELCD's guarantees, checked on the trained "
                + "model: max λ(sym A) + α = %.3g over %d states (≤ 0 by construction); %d of %d rollouts from 10× the "
                + "data range reach x* (worst final distance ratio %.2g). NCDS (symmetric Jacobian, a gradient field) "
                + "and EFlow (images of straight rays) cannot wind around x* as the pendulum does; ELCD's "
                + "skew-symmetric part can. Full table: attractor repro elcd-table.",
                spec, ds.size(), ds.demonstration(0).length(), epochs, g.maxSymmetricPlusAlpha(), g.points(),
                g.converged(), g.starts(), g.worstRatio()));
        page.table(List.of("model", "final loss", "mean DTWD", "seconds"), table);
        page.image(out.relativize(png), "learned fields (arrows), demonstrations (dark) and rollouts (magenta)");
    }

    private static double metricDistance(double[] x, double[] y, DMatrixRMaj m) {
        int n = x.length;
        double s = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s += (x[i] - y[i]) * m.get(i, j) * (x[j] - y[j]);
            }
        }
        return Math.sqrt(s);
    }

    /**
     * k-Hopfield retrieval on built-in synthetic images: 30 images of 12×12 pixels, each a sum of three random
     * Gaussian bumps scaled to [0, 1]; cues with the top half occluded; β = 3, negative Manhattan similarity.
     */
    private void retrievalSection(HtmlReport page) {
        System.err.println("tour: k-nearest memories");
        int side = 12;
        int d = side * side;
        int n = 30;
        int k = 3;
        SplittableRandom rng = new SplittableRandom(seed);
        double[] images = new double[n * d];
        for (int m = 0; m < n; m++) {
            double max = 0;
            for (int bump = 0; bump < 3; bump++) {
                double cy = side * rng.nextDouble();
                double cx = side * rng.nextDouble();
                double w = 1 + 2 * rng.nextDouble();
                for (int i = 0; i < side; i++) {
                    for (int j = 0; j < side; j++) {
                        double r2 = ((i - cy) * (i - cy) + (j - cx) * (j - cx)) / (w * w);
                        images[m * d + i * side + j] += Math.exp(-r2);
                    }
                }
            }
            for (int p = 0; p < d; p++) {
                max = Math.max(max, images[m * d + p]);
            }
            for (int p = 0; p < d; p++) {
                images[m * d + p] /= max;
            }
        }
        MemoryStore store = MemoryStore.ofDouble(images, n, d);
        KHopfieldLayer layer = new KHopfieldLayer(store, Similarity.NEGATIVE_MANHATTAN, 3, k);
        int[] cues = {0, 7, 14, 21};
        List<ImageGrid.Row> grid = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (int c : cues) {
            double[] cue = Corruptions.occludeTopHalf(store.pattern(c), side, side);
            double[] x = layer.retrieve(cue);
            KHopfieldLayer.Retrieval hard = layer.harden(cue);
            List<double[]> cells = new ArrayList<>();
            cells.add(cue);
            for (int i = 0; i < k; i++) {
                cells.add(Arrays.copyOfRange(x, i * d, (i + 1) * d));
            }
            cells.add(store.pattern(c));
            grid.add(new ImageGrid.Row("memory " + c, cells));
            rows.add(List.of(Integer.toString(c), Arrays.toString(hard.indicesOf(0)),
                    Boolean.toString(Arrays.stream(hard.indicesOf(0)).anyMatch(i -> i == c))));
        }
        Path png = out.resolve("khopfield-retrieval.png");
        ImageGrid.save(png, "k-Hopfield layer (3.4), k = 3, beta = 3, -Manhattan: occluded cue -> X_1, X_2, X_3",
                List.of("cue", "X_1", "X_2", "X_3", "target"), grid, side, side, 0, 1, 8);
        page.section("k-nearest memories (k-Hopfield layer)", n + " synthetic 12x12 images (three Gaussian bumps "
                + "each) stored; cues with the top half occluded; each row shows the cue, the k = 3 retrieved "
                + "columns X_i = Ξ ksoftmax_i(β sim(Ξ, x)) and the target. Hardened indices (3.8) in the table.");
        page.image(out.relativize(png), "cue, k = 3 retrieved memories, target");
        page.table(List.of("memory", "hardened indices (3.8)", "target among them"), rows);
    }

    private void fixedPointSection(HtmlReport page) {
        System.err.println("tour: fixed points and dead neurons");
        Network wta = NetworkOptions.winnerTakeAll(new ReluLagrangian());
        SplittableRandom rng = new SplittableRandom(seed);
        List<double[]> starts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            starts.add(new double[] {3 * rng.nextGaussian(), 3 * rng.nextGaussian()});
        }
        MultiStart.Result res = MultiStart.find(KrotovHopfield.of(wta), starts,
                new NewtonSolver(SolverSettings.defaults()), 1e-8);
        List<List<String>> rows = new ArrayList<>();
        for (FixedPoint p : res.points()) {
            DeadNeuronReport dead = DeadNeuronReport.analyze(wta, p.x(), 1e-10, 10, 50, seed);
            rows.add(List.of(Arrays.toString(round(p.x())), String.format("%.1e", p.residual()), p.verdict().label(),
                    Arrays.toString(round(p.spectrum().real())), Integer.toString(dead.k()),
                    RestrictedStability.at(wta, p.x(), 1e-10, 1e-9).verdict().label(),
                    String.format("%.1e", dead.e4Variation()), String.format("%.3g", dead.e14Variation())));
        }
        page.section("Fixed points and dead neurons of the 2-neuron winner-take-all network",
                "W = [[0,-2],[-2,0]], b = (1,1), ReLU; " + res.starts() + " Newton starts, " + res.failures()
                        + " failed. Energy (4) is flat along the dead directions; energy (14) is not.");
        page.table(List.of("y*", "residual", "verdict", "Re eig J", "dead k", "verdict of S", "E(4) variation",
                "E(14) variation"), rows);
    }

    private static double[] shifted(double[] e) {
        double end = e[e.length - 1];
        double[] o = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            o[i] = e[i] - end;
        }
        return o;
    }

    private static double[] round(double[] v) {
        double[] o = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            o[i] = Math.round(v[i] * 1e4) / 1e4;
        }
        return o;
    }
}
