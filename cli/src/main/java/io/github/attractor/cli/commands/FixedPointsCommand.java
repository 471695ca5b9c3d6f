package io.github.attractor.cli.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.attractor.analysis.deadneurons.DeadDirections;
import io.github.attractor.analysis.stability.RestrictedStability;
import io.github.attractor.cli.io.Json;
import io.github.attractor.cli.io.NetworkOptions;
import io.github.attractor.core.error.Require;
import io.github.attractor.core.fixed.FixedPoint;
import io.github.attractor.core.fixed.MultiStart;
import io.github.attractor.core.fixed.NewtonSolver;
import io.github.attractor.core.fixed.SolverSettings;
import io.github.attractor.memory.hopfield.KrotovHopfield;
import io.github.attractor.memory.network.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code attractor analyze fixed-points}. */
@Command(name = "fixed-points", mixinStandardHelpOptions = true,
        description = "Steady states of (1) dy/dt = W g(y) - y + b by multi-start damped Newton: residual, Jacobian "
                + "eigenvalues, verdict, dead neurons and the verdict of S on the range of the Hessian (Prop. 4).",
        footer = {"", "Examples:", "  attractor analyze fixed-points --example wta",
                "  attractor analyze fixed-points -W W.npy -b b.npy -L tanh --starts 200 --spread 5"})
public final class FixedPointsCommand implements Callable<Integer> {
    @Mixin
    NetworkOptions networkOptions;

    @Option(names = "--starts", defaultValue = "50", description = "Newton starts (default: ${DEFAULT-VALUE}).")
    int starts;

    @Option(names = "--spread", defaultValue = "3", description = "Starts are N(0, spread^2) (default: ${DEFAULT-VALUE}).")
    double spread;

    @Option(names = "--tol", defaultValue = "1e-10", description = "Residual tolerance (default: ${DEFAULT-VALUE}).")
    double tol;

    @Override
    public Integer call() {
        Require.that(starts > 0, "--starts must be positive, got " + starts);
        Require.that(spread > 0, "--spread must be positive, got " + spread);
        Require.that(tol > 0, "--tol must be positive, got " + tol);
        Network net = networkOptions.network();
        KrotovHopfield field = KrotovHopfield.unchecked(net);
        SplittableRandom rng = new SplittableRandom(networkOptions.seed);
        List<double[]> xs = new ArrayList<>();
        for (int s = 0; s < starts; s++) {
            double[] x = new double[net.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = spread * rng.nextGaussian();
            }
            xs.add(x);
        }
        MultiStart.Result res = MultiStart.find(field, xs,
                new NewtonSolver(SolverSettings.defaults().withTolerance(tol)), 1e-7);
        ObjectNode root = Json.object();
        root.put("n", net.size());
        root.put("lagrangian", net.lagrangian().name());
        root.put("seed", networkOptions.seed);
        root.put("starts", res.starts());
        root.put("failed_starts", res.failures());
        ArrayNode pts = root.putArray("fixed_points");
        for (FixedPoint p : res.points()) {
            ObjectNode o = pts.addObject();
            o.set("y", Json.array(p.x()));
            o.put("residual", p.residual());
            o.put("verdict", p.verdict().label());
            o.set("eigenvalues_real", Json.array(p.spectrum().real()));
            o.set("eigenvalues_imag", Json.array(p.spectrum().imag()));
            o.put("energy4", Json.num(field.energy().value(p.x())));
            DeadDirections dead = DeadDirections.at(net.lagrangian(), p.x(), 1e-10, 10, 32, 1e-12, networkOptions.seed);
            o.put("dead_neurons", dead.count());
            o.put("restricted_verdict", RestrictedStability.at(net, p.x(), 1e-10, 1e-9).verdict().label());
        }
        System.out.println(Json.write(root));
        return 0;
    }
}
