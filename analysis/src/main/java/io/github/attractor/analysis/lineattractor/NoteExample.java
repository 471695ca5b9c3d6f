package io.github.attractor.analysis.lineattractor;

import io.github.attractor.analysis.tln.SupportEnumeration;
import io.github.attractor.analysis.tln.ThresholdLinearNetwork;
import io.github.attractor.analysis.tln.TlnFixedPoint;
import java.util.List;

/**
 * The perturbations (8)–(11) of the bounded line attractor (2) given in the note, with the type of
 * invariant set the note claims for each, and the classification of an enumeration result into an
 * {@link InvariantSet}.
 *
 * @param label        the equation number in the note
 * @param epsilon      ε row-major {ε11, ε12, ε21, ε22}
 * @param biasShift    δb added to b = β(1,1)
 * @param claimed      the type the note claims
 * @param claimedCount the number of fixed points the note claims (null for a line)
 */
public record NoteExample(String label, double[] epsilon, double[] biasShift, InvariantSet claimed,
        Integer claimedCount) {

    /** (8), (9), (10) (the bias perturbation b' = (1, -1)/10) and (11), as printed. */
    public static List<NoteExample> all() {
        return List.of(
                new NoteExample("8", new double[] {-0.2, 0.1, 0.1, -0.2}, new double[] {0, 0},
                        InvariantSet.SINGLE_FIXED_POINT, 1),
                new NoteExample("9", new double[] {0.1, -0.2, -0.2, 0.1}, new double[] {0, 0},
                        InvariantSet.THREE_FIXED_POINTS, 3),
                new NoteExample("10", new double[] {0, 0, 0, 0}, new double[] {0.1, -0.1},
                        InvariantSet.TWO_BOUNDARY_FIXED_POINTS, 2),
                new NoteExample("11", new double[] {0.05, 0.5, 0.5, 0.05}, new double[] {0, 0}, InvariantSet.LINE,
                        null));
    }

    /**
     * A perturbation that does keep (and rotate) the line: with b unperturbed, {@code I - W'} is singular with
     * b in its range iff its rows are equal, i.e. {@code ε11 = ε21} and {@code ε12 = ε22}; here
     * {@code ε = (1/20)[[1,10],[1,10]]}, the line {@code 0.95 x₁ + 0.5 x₂ = β}.
     */
    public static NoteExample rotatedLine() {
        return new NoteExample("11-rotated", new double[] {0.05, 0.5, 0.05, 0.5}, new double[] {0, 0},
                InvariantSet.LINE, null);
    }

    /** The perturbed network at bias scale β. */
    public ThresholdLinearNetwork network(double beta) {
        return LineAttractor.BOUNDED.perturbed(beta, epsilon, biasShift);
    }

    /** The type of invariant set an enumeration result describes (for a network with positive bias). */
    public static InvariantSet classify(SupportEnumeration.Result r) {
        if (!r.continua().isEmpty()) {
            return InvariantSet.LINE;
        }
        List<TlnFixedPoint> pts = r.isolated();
        long full = pts.stream().filter(p -> p.support().length == 2).count();
        long partial = pts.stream().filter(p -> p.support().length == 1).count();
        if (pts.size() == 1) {
            return full == 1 ? InvariantSet.SINGLE_FIXED_POINT
                    : partial == 1 ? InvariantSet.SINGLE_BOUNDARY_FIXED_POINT : InvariantSet.OTHER;
        }
        if (pts.size() == 2 && partial == 2) {
            return InvariantSet.TWO_BOUNDARY_FIXED_POINTS;
        }
        if (pts.size() == 3 && partial == 2 && full == 1) {
            return InvariantSet.THREE_FIXED_POINTS;
        }
        return InvariantSet.OTHER;
    }
}
