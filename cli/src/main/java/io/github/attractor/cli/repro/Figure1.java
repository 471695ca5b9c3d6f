package io.github.attractor.cli.repro;

import io.github.attractor.analysis.deadneurons.DeadDirections;
import io.github.attractor.analysis.deadneurons.EnergyVariation;
import io.github.attractor.cli.io.NetworkOptions;
import io.github.attractor.cli.plot.PhasePortrait;
import io.github.attractor.core.energy.Energy;
import io.github.attractor.memory.hopfield.KrotovHopfield;
import io.github.attractor.memory.lagrangian.ReluLagrangian;
import io.github.attractor.memory.modified.ResidualDynamics;
import io.github.attractor.memory.network.Network;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Figure 1 of "Associative memory and dead neurons": a two-neuron ReLU network, its vector field and the
 * level sets of energy (4) next to the field (13) and energy (14) with {@code R = I - ΛWᵀ}, S = I. The
 * rows measure the relative variation of each energy along the dead direction at the steady state
 * (1, -1): {@code y + c(0, -1)}, {@code c ∈ [0, 10]}.
 */
public final class Figure1 implements Reproduction {
    @Override
    public String name() {
        return "figure1";
    }

    @Override
    public String title() {
        return "Figure 1: flat directions of energy (4) vs energy (14), two-neuron ReLU network";
    }

    @Override
    public ReproResult run(ReproContext ctx) {
        Network net = NetworkOptions.winnerTakeAll(new ReluLagrangian());
        KrotovHopfield original = KrotovHopfield.of(net);
        ResidualDynamics residual = new ResidualDynamics(net, ResidualDynamics.Choice.TRANSPOSED, null);
        double[] steady = {1, -1};
        DeadDirections dead = DeadDirections.at(net.lagrangian(), steady, 1e-10, 10, 64, 1e-12, ctx.seed());
        double[] v = dead.direction(0);
        int points = ctx.quick() ? 200 : 2000;
        List<Row> rows = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("W", new double[][] {{0, -2}, {-2, 0}});
        params.put("b", new double[] {1, 1});
        params.put("state", steady);
        params.put("direction", v);
        params.put("c_max", 10);
        params.put("k", dead.count());
        rows.add(Row.of("E4", "dead_direction_variation", params, null, variation(original.energy(), steady, v, points)));
        rows.add(Row.of("E14", "dead_direction_variation", params, null, variation(residual.energy(), steady, v, points)));
        Path png = ctx.outDir().resolve("figure1.png");
        List<double[]> marks = List.of(new double[] {1, -1}, new double[] {-1, 1}, new double[] {1.0 / 3, 1.0 / 3});
        PhasePortrait.save(png, List.of(
                new PhasePortrait.Panel("(1) with energy (4) [Krotov-Hopfield]", original, original.energy(), -3, 3, -3,
                        3, marks),
                new PhasePortrait.Panel("(13), R = I - Lambda W^T, with energy (14)", residual, residual.energy(), -3, 3,
                        -3, 3, marks)));
        String summary = String.format("Along the dead direction %s at the steady state (1,-1), energy (4) varies "
                + "by %.3g (relative) and energy (14) by %.3g: (4) is flat there, (14) is not. Steady states "
                + "(red): (1,-1) and (-1,1) stable with one dead neuron each, (1/3,1/3) a saddle.",
                java.util.Arrays.toString(v), rows.get(0).measured(), rows.get(1).measured());
        return new ReproResult(name(), rows, List.of(png), summary);
    }

    private static double variation(Energy e, double[] y, double[] v, int points) {
        return EnergyVariation.along(e, c -> new double[] {y[0] + c * v[0], y[1] + c * v[1]}, 10, points);
    }
}
