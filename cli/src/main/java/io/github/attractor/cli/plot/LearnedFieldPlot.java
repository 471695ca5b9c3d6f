package io.github.attractor.cli.plot;

import io.github.attractor.core.field.VectorField;
import io.github.attractor.data.trajectory.TrajectoryDataset;
import io.github.attractor.learn.dynamics.LearnedDynamics;
import java.util.ArrayList;
import java.util.List;

/**
 * The picture of a learned 2-D vector field as in Figure 4.3: the field (arrows), the demonstrations (dark, thick) and
 * the model's rollouts from their starts (magenta), the equilibrium marked, on the demonstrations' bounding box padded by 20 %.
 */
public final class LearnedFieldPlot {
    private LearnedFieldPlot() {
    }

    /** One panel of {@code m} (dimension 2) over the demonstrations of {@code ds} and the rollouts {@code rolls}. */
    public static PhasePortrait.Panel panel(String title, LearnedDynamics m, TrajectoryDataset ds, double[][][] rolls) {
        double lo0 = Double.POSITIVE_INFINITY;
        double hi0 = Double.NEGATIVE_INFINITY;
        double lo1 = Double.POSITIVE_INFINITY;
        double hi1 = Double.NEGATIVE_INFINITY;
        List<double[][]> demos = new ArrayList<>();
        List<double[][]> curves = new ArrayList<>();
        for (int j = 0; j < ds.size(); j++) {
            demos.add(ds.demonstration(j).states());
            curves.add(rolls[j]);
            for (double[] p : ds.demonstration(j).states()) {
                lo0 = Math.min(lo0, p[0]);
                hi0 = Math.max(hi0, p[0]);
                lo1 = Math.min(lo1, p[1]);
                hi1 = Math.max(hi1, p[1]);
            }
        }
        double p0 = 0.2 * (hi0 - lo0) + 1e-6;
        double p1 = 0.2 * (hi1 - lo1) + 1e-6;
        return new PhasePortrait.Panel(title, field(m), null, lo0 - p0, hi0 + p0, lo1 - p1, hi1 + p1, List.of(m.equilibrium()),
                false, List.of(), curves, demos);
    }

    /** The learned dynamics as an autonomous {@link VectorField} (for plots and integrators). */
    public static VectorField field(LearnedDynamics m) {
        return VectorField.autonomous(m.dimension(), m::evaluate);
    }
}
