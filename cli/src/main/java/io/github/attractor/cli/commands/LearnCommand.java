package io.github.attractor.cli.commands;

import picocli.CommandLine.Command;

/** {@code attractor learn}: learning stable dynamics from demonstrations (ELCD and baselines). */
@Command(name = "learn", mixinStandardHelpOptions = true,
        description = "Learn stable vector fields dx/dt = f(x) from demonstrations: ELCD (4.10)-(4.11), with or "
                + "without a learned diffeomorphism; train, roll out, evaluate (DTWD).",
        subcommands = {LearnTrainCommand.class, LearnEvaluateCommand.class, LearnRolloutCommand.class,
                LearnMetricCommand.class},
        footer = {"", "Examples:", "  attractor learn train --model elcd-flow --dataset lasa:Angle --out runs/angle",
                "  attractor learn evaluate --model-file runs/angle/model.attr --dataset lasa:Angle",
                "  attractor learn rollout --model-file runs/angle/model.attr --start 0.5,-1 --dt 0.01"})
public final class LearnCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
