package io.github.attractor.cli.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.attractor.cli.io.Json;
import io.github.attractor.cli.io.NetworkOptions;
import io.github.attractor.cli.io.Progress;
import io.github.attractor.cli.plot.Charts;
import io.github.attractor.core.energy.EnergyModel;
import io.github.attractor.core.ode.IntegrationSettings;
import io.github.attractor.core.ode.Integrator;
import io.github.attractor.core.ode.Trajectory;
import io.github.attractor.data.io.AtomicFiles;
import io.github.attractor.memory.modified.ModifiedDynamics;
import io.github.attractor.memory.network.Network;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.knowm.xchart.XYChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code attractor energy}: simulate a memory and watch its energy. */
@Command(name = "energy", mixinStandardHelpOptions = true,
        description = "Simulate a network (Krotov-Hopfield (1), modified (9) or residual (13) dynamics) and record "
                + "its energy along the trajectory. JSON summary on stdout.",
        footer = {"", "Examples:",
                "  attractor energy --example wta --y0 0.5,0.2 --plot energy.png",
                "  attractor energy -W \"0,-2;-2,0\" -b 1,1 -L relu --y0 0.3,0.1",
                "  attractor energy --example random --size 50 -L sigmoid --dynamics modified --R polar --out run/",
                "  attractor energy --network net.json --dynamics residual --t-end 50"})
public final class EnergyCommand implements Callable<Integer> {
    @Mixin
    NetworkOptions networkOptions;

    @Mixin
    DynamicsOptions dynamicsOptions;

    @Mixin
    IntegrationOptions integration;

    @Option(names = "--y0", paramLabel = "FILE|VECTOR",
            description = "Initial state (u for --dynamics modified); default: N(0, 1) draws from --seed.")
    String y0;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "Draw the energy over time.")
    Path plot;

    @Option(names = "--out", paramLabel = "DIR", description = "Write energy.json, trace.csv and energy.png here.")
    Path out;

    @Option(names = "--no-progress", description = "Do not draw a progress bar on stderr.")
    boolean noProgress;

    @Override
    public Integer call() {
        Network net = networkOptions.network();
        EnergyModel model = dynamicsOptions.build(net);
        double[] x0 = networkOptions.initialState(y0, net.size(), 1.0);
        IntegrationSettings settings = integration.settings();
        Trajectory tr;
        try (Progress bar = new Progress("integrating", 1000, !noProgress)) {
            int[] last = {0};
            tr = new Integrator(settings).integrate(model, model.energy(), x0, 0, integration.tEnd,
                    (frac, t, r) -> {
                        int k = (int) (frac * 1000);
                        if (k > last[0]) {
                            bar.step(k - last[0]);
                            last[0] = k;
                        }
                    });
        }
        ObjectNode root = Json.object();
        ObjectNode netNode = root.putObject("network");
        netNode.put("n", net.size());
        netNode.put("lagrangian", net.lagrangian().name());
        netNode.put("symmetric", net.isSymmetric(1e-12));
        root.put("dynamics", dynamicsOptions.describe(model));
        root.put("seed", networkOptions.seed);
        ObjectNode integ = root.putObject("integrator");
        integ.put("method", settings.method().label());
        integ.put("atol", settings.absoluteTolerance());
        integ.put("rtol", settings.relativeTolerance());
        integ.put("stop_tolerance", settings.convergenceTolerance());
        root.put("stop", tr.stopReason().name().toLowerCase(java.util.Locale.ROOT));
        root.put("t_final", tr.finalTime());
        root.put("steps", tr.size() - 1);
        root.put("evaluations", tr.evaluations());
        ObjectNode e = root.putObject("energy");
        e.put("initial", Json.num(tr.energies()[0]));
        e.put("final", Json.num(tr.energies()[tr.size() - 1]));
        e.put("max_relative_increase", Json.num(tr.maxRelativeEnergyIncrease()));
        root.put("residual_final", tr.finalResidualNorm());
        root.set("initial_state", Json.array(x0));
        root.set("final_state", Json.array(tr.finalState()));
        if (model instanceof ModifiedDynamics md) {
            root.set("final_y", Json.array(md.toY(tr.finalState())));
            root.put("condition11_min_eigenvalue_final", Json.num(md.condition11MinEigenvalue(tr.finalState())));
        }
        ArrayNode trace = root.putArray("trace");
        for (int i = 0; i < tr.size(); i++) {
            ArrayNode row = trace.addArray();
            row.add(tr.times()[i]);
            row.add(Json.num(tr.energies()[i]));
            row.add(tr.residualNorms()[i]);
        }
        root.put("trace_columns", "t, energy, |dx/dt|");
        if (plot != null) {
            Charts.save(chart(tr, dynamicsOptions.describe(model)), plot);
        }
        if (out != null) {
            Json.write(out.resolve("energy.json"), root);
            StringBuilder csv = new StringBuilder("t,energy,residual\n");
            for (int i = 0; i < tr.size(); i++) {
                csv.append(tr.times()[i]).append(',').append(tr.energies()[i]).append(',')
                        .append(tr.residualNorms()[i]).append('\n');
            }
            AtomicFiles.writeString(out.resolve("trace.csv"), csv.toString());
            Charts.save(chart(tr, dynamicsOptions.describe(model)), out.resolve("energy.png"));
        }
        System.out.println(Json.write(root));
        return 0;
    }

    static XYChart chart(Trajectory tr, String title) {
        XYChart c = Charts.lines("Energy: " + title, "t", "E(t)", false);
        Charts.addLine(c, "energy", tr.times(), tr.energies());
        return c;
    }
}
