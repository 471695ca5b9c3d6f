package io.github.attractor.cli.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.attractor.analysis.tln.Continuum;
import io.github.attractor.analysis.tln.SupportEnumeration;
import io.github.attractor.analysis.tln.ThresholdLinearNetwork;
import io.github.attractor.analysis.tln.TlnFixedPoint;
import io.github.attractor.cli.io.Inputs;
import io.github.attractor.cli.io.Json;
import io.github.attractor.cli.io.TlnOptions;
import io.github.attractor.cli.plot.PhasePortrait;
import io.github.attractor.core.error.ComputationException;
import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.Require;
import io.github.attractor.core.fixed.Verdict;
import io.github.attractor.core.ode.IntegrationSettings;
import io.github.attractor.core.ode.Integrator;
import io.github.attractor.core.ode.Trajectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code attractor tln phase}. */
@Command(name = "phase", mixinStandardHelpOptions = true,
        description = "Phase portrait (PNG) of a two-unit TLN: vector field, nullclines (f1 = 0 brown, f2 = 0 green), "
                + "fixed points from the exact enumeration (filled: stable, open: unstable or marginal), lines of "
                + "fixed points (purple) and a few simulated trajectories.",
        footer = {"", "Examples:", "  attractor tln phase --example bounded-line --out line.png",
                "  attractor tln phase -W \"0.1,-1.2;-1.2,0.1\" -b 1,1 --window -0.5,2,-0.5,2 --trajectories 12"})
public final class TlnPhaseCommand implements Callable<Integer> {
    @Mixin
    TlnOptions tln;

    @Option(names = "--out", defaultValue = "tln-phase.png", paramLabel = "FILE", description = "PNG file (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--window", paramLabel = "XMIN,XMAX,YMIN,YMAX",
            description = "Plot window (default: around the fixed points).")
    String window;

    @Option(names = "--trajectories", defaultValue = "8", description = "Simulated trajectories (default: ${DEFAULT-VALUE}).")
    int trajectories;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the trajectory starts (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        Require.that(trajectories >= 0, "--trajectories must be non-negative, got " + trajectories);
        ThresholdLinearNetwork net = tln.network();
        if (net.dimension() != 2) {
            throw new InvalidInputException("tln phase: needs a two-unit network, got n = " + net.dimension());
        }
        SupportEnumeration.Result r = SupportEnumeration.enumerate(net);
        double[] win = window == null ? autoWindow(r) : Inputs.vector("--window", window);
        Require.that(win.length == 4 && win[1] > win[0] && win[3] > win[2],
                "--window: expected XMIN,XMAX,YMIN,YMAX with XMIN < XMAX and YMIN < YMAX");
        String title = tln.source() + ": " + r.isolated().size() + " fixed point(s), " + r.continua().size()
                + " line(s)";
        PhasePortrait.save(out, List.of(panel(title, net, r, win, trajectories, seed)));
        ObjectNode o = TlnFixedPointsCommand.toJson(net, r, tln.source());
        o.put("png", out.toString());
        System.out.println(Json.write(o));
        return 0;
    }

    /** A window that holds every fixed point and continuum end, with margins. */
    public static double[] autoWindow(SupportEnumeration.Result r) {
        double lo = 0;
        double hi = 1;
        List<double[]> pts = new ArrayList<>();
        r.fixedPoints().forEach(p -> pts.add(p.x()));
        for (Continuum c : r.continua()) {
            pts.add(c.point());
            if (c.start() != null) {
                pts.add(c.start());
            }
            if (c.end() != null) {
                pts.add(c.end());
            }
        }
        for (double[] p : pts) {
            lo = Math.min(lo, Math.min(p[0], p[1]));
            hi = Math.max(hi, Math.max(p[0], p[1]));
        }
        double pad = 0.3 * (hi - lo);
        return new double[] {lo - pad, hi + pad, lo - pad, hi + pad};
    }

    /** The portrait panel of a two-unit TLN with its enumeration, continua and simulated trajectories. */
    public static PhasePortrait.Panel panel(String title, ThresholdLinearNetwork net, SupportEnumeration.Result r,
            double[] win, int trajectories, long seed) {
        List<double[]> filled = new ArrayList<>();
        List<double[]> open = new ArrayList<>();
        for (TlnFixedPoint p : r.fixedPoints()) {
            if (p.isolated() && p.verdict() == Verdict.STABLE) {
                filled.add(p.x());
            } else if (p.isolated()) {
                open.add(p.x());
            }
        }
        List<double[][]> curves = new ArrayList<>();
        for (Continuum c : r.continua()) {
            if (c.direction() == null) {
                continue;
            }
            double span = 4 * Math.max(win[1] - win[0], win[3] - win[2]);
            double[] a = c.start() != null ? c.start() : along(c.point(), c.direction(), -span);
            double[] b = c.end() != null ? c.end() : along(c.point(), c.direction(), span);
            curves.add(new double[][] {a, b});
        }
        SplittableRandom rng = new SplittableRandom(seed);
        Integrator integ = new Integrator(IntegrationSettings.defaults().withTolerances(1e-9, 1e-9)
                .withConvergenceTolerance(1e-8).withBlowUpBound(1e4));
        for (int k = 0; k < trajectories; k++) {
            double[] x0 = {win[0] + (win[1] - win[0]) * rng.nextDouble(), win[2] + (win[3] - win[2]) * rng.nextDouble()};
            try {
                Trajectory tr = integ.integrate(net, x0, 0, 50);
                curves.add(tr.states());
            } catch (ComputationException e) {
                // a trajectory that leaves every bound is not drawn
            }
        }
        return new PhasePortrait.Panel(title, net, null, win[0], win[1], win[2], win[3], filled, true, open, curves);
    }

    private static double[] along(double[] p, double[] d, double t) {
        return new double[] {p[0] + t * d[0], p[1] + t * d[1]};
    }
}
