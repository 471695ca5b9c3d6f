package io.github.attractor.cli.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.attractor.cli.io.Json;
import io.github.attractor.cli.io.Progress;
import io.github.attractor.cli.plot.LearnedFieldPlot;
import io.github.attractor.cli.plot.PhasePortrait;
import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.data.trajectory.TrajectoryDataset;
import io.github.attractor.learn.dynamics.LearnedDynamics;
import io.github.attractor.learn.elcd.ElcdTrainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code attractor learn train}: MSE training on (state, velocity) pairs, then DTWD of rollouts. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a stable dynamics model on a trajectory dataset with Adam and mini-batch "
                + "MSE on (state, velocity) pairs; writes model.attr, summary.json (DTWD per demonstration, mean, sd, "
                + "wall time) and, in 2-D, field.png (learned field, demonstrations, rollouts).",
        footer = {"", "Examples:", "  attractor learn train --model elcd --dataset lasa:Angle --epochs 100 --out runs/a",
                "  attractor learn train --model elcd-flow --dataset pendulum:2 --epochs 20 --seed 3 --out runs/p",
                "  attractor learn train --model ncds --dataset lasa8:Angle,BendedLine,CShape,DoubleBendedLine --out runs/n",
                "  attractor learn train --model sdd --dataset my-demos.npz --standardize --out runs/s",
                "  attractor learn train --model eflow --dataset MyShape.mat --out runs/e     (LASA-layout MAT file)"})
public final class LearnTrainCommand implements Callable<Integer> {
    @Option(names = "--model", defaultValue = "elcd", description = "Model: elcd (4.10), elcd-flow (ELCD with a learned "
            + "diffeomorphism, the paper's ELCD), sdd (4.19), eflow (4.18), ncds (4.20) (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--dataset", required = true, paramLabel = "SPEC",
            description = "lasa:NAME, lasa4:A,B, lasa8:A,B,C,D, pendulum:2|4|8, pendulum-sim:N, rosenbrock:8|16, "
                    + "rosenbrock-sim:N, a .npz file (pos/vel) or a LASA-layout .mat file.")
    String dataset;

    @Option(names = "--epochs", defaultValue = "100", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--hidden", defaultValue = "16", description = "Hidden width of Ps, Pa (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--alpha", defaultValue = "0.01", description = "Contraction rate (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--lr", defaultValue = "1e-3", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--batch", defaultValue = "100", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--demos", defaultValue = "0", paramLabel = "N", description = "Use only the first N "
            + "demonstrations (0: all; the ELCD paper uses 3 per LASA motion) (default: ${DEFAULT-VALUE}).")
    int demos;

    @Option(names = "--standardize", description = "Standardise the data per feature ((x - mean)/sd). LASA is always "
            + "standardised; pendulum and Rosenbrock data are used raw by default, as in the ELCD experiments.")
    boolean standardize;

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean noProgress;

    @Override
    public Integer call() {
        long t0 = System.nanoTime();
        if (!LearnModels.MODELS.containsKey(model)) {
            LearnModels.create(model, 2, 1, 1, new double[2], 0);
        }
        ElcdTrainer trainer = new ElcdTrainer(epochs, batch, lr, seed);
        if (hidden < 1) {
            throw new InvalidInputException("--hidden must be at least 1, got " + hidden);
        }
        TrajectoryDataset ds = LearnSupport.dataset(dataset, seed, standardize, demos);
        LearnedDynamics m = LearnModels.create(model, ds.dimension(), hidden, alpha, ds.equilibrium(), seed);
        double loss;
        try (Progress bar = new Progress("training " + model, epochs, !noProgress)) {
            loss = trainer.train(m, LearnSupport.flat(ds.states()), LearnSupport.flat(ds.velocities()),
                    (e, l, s) -> {
                        bar.step();
                        if (!noProgress) {
                            System.err.printf("%nepoch %d loss %.6g (%.2f s)", e + 1, l, s);
                        }
                    });
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LearnSupport.save(out.resolve("model.attr"), model, m, hidden, alpha, seed, dataset, standardize, demos);
        ObjectNode json = Json.object();
        json.put("model", model);
        json.put("dataset", dataset);
        json.put("demos", ds.size());
        json.put("epochs", epochs);
        json.put("seed", seed);
        json.put("standardize", standardize);
        json.put("final_loss", loss);
        double[][][] rolls = LearnSupport.evaluate(m, ds, json);
        if (ds.dimension() == 2) {
            Path png = out.resolve("field.png");
            plot(png, model + " on " + dataset, m, ds, rolls);
            json.put("png", png.toString());
        }
        json.put("wall_s", (System.nanoTime() - t0) * 1e-9);
        Json.write(out.resolve("summary.json"), json);
        System.out.println(Json.write(json));
        return 0;
    }

    static void plot(Path png, String title, LearnedDynamics m, TrajectoryDataset ds, double[][][] rolls) {
        PhasePortrait.save(png, List.of(LearnedFieldPlot.panel(title, m, ds, rolls)));
    }
}
