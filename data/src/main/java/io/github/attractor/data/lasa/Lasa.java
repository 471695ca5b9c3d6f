package io.github.attractor.data.lasa;

import io.github.attractor.core.error.AttractorException;
import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.NonFiniteValueException;
import io.github.attractor.core.error.ShapeMismatchException;
import io.github.attractor.core.error.UnknownNameException;
import io.github.attractor.data.io.DataRoot;
import io.github.attractor.data.io.MalformedFileException;
import io.github.attractor.data.io.MissingFileException;
import io.github.attractor.data.trajectory.Demonstration;
import io.github.attractor.data.trajectory.TrajectoryDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.Cell;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Struct;

/**
 * The LASA handwriting dataset (Khansari-Zadeh and Billard): 30 two-dimensional motions, each 7
 * demonstrations of 1000 samples that end at rest at the target, the origin. One MAT v5 file per motion,
 * {@code <motion>.mat}, read with MFL: variable {@code demos}, a 1×7 cell of structs (or a 1×7 struct
 * array) with fields {@code pos} (2×T), {@code vel} (2×T), {@code acc}, {@code t} (1×T), {@code dt}.
 *
 * <p>Preparation as in the ELCD experiments (Section 4.5.2, after NCDS): the first {@link #DROP} = 15
 * samples of every demonstration are dropped "so that only the target state has zero velocity"; the
 * equilibrium {@code x*} is the final point (the mean of the demonstrations' final points — in the LASA
 * files all seven are exactly the origin); the data are standardised per feature,
 * {@code z = (x - μ)/σ}, {@code ż = ẋ/σ}, {@code z* = (x* - μ)/σ}
 * ({@link TrajectoryDataset#standardized()}, transform kept). Higher-dimensional sets stack 2 or 4 motions
 * along the feature axis (4-D, 8-D): demonstration j of the stack is demonstration j of each motion side
 * by side ({@link TrajectoryDataset#stack}), standardised after stacking.
 *
 * <p>Errors are one line and name the file: a missing file, a file that is not MAT v5, no variable
 * {@code demos}, a demonstration that is not a struct or lacks a field, fields of the wrong shape (pos and
 * vel must be 2×T with the same T, t must hold T times, T must exceed 15), NaN or infinite values.
 */
public final class Lasa {
    /** All 30 motions, named as their files. */
    public static final List<String> MOTIONS = List.of("Angle", "BendedLine", "CShape", "DoubleBendedLine", "GShape",
            "JShape", "JShape_2", "Khamesh", "LShape", "Leaf_1", "Leaf_2", "Line", "Multi_Models_1", "Multi_Models_2",
            "Multi_Models_3", "Multi_Models_4", "NShape", "PShape", "RShape", "Saeghe", "Sharpc", "Sine", "Snake",
            "Spoon", "Sshape", "Trapezoid", "WShape", "Worm", "Zshape", "heee");

    /** Samples dropped at the start of every demonstration. */
    public static final int DROP = 15;

    private Lasa() {
    }

    /** The default LASA folder: {@code <data root>/lasa} ({@link DataRoot}). */
    public static Path defaultDirectory() {
        return DataRoot.resolve("lasa");
    }

    /** The file of a motion in {@code dir}; an unknown name is an error listing the known ones. */
    public static Path file(Path dir, String motion) {
        return dir.resolve(canonicalName(motion) + ".mat");
    }

    /** The motion's name as in {@link #MOTIONS} (matched case-insensitively). */
    public static String canonicalName(String motion) {
        for (String m : MOTIONS) {
            if (m.equalsIgnoreCase(motion)) {
                return m;
            }
        }
        throw new UnknownNameException("unknown LASA motion '" + motion + "'; known: " + String.join(", ", MOTIONS));
    }

    /**
     * One motion prepared for learning (2-D): the first 15 samples dropped, equilibrium at the final
     * point, standardised. Named after the motion.
     */
    public static TrajectoryDataset motion(Path dir, String motion) {
        return motion(dir, motion, 0);
    }

    /** {@link #motion} with only the first {@code demos} demonstrations (all for 0), standardised on those. */
    public static TrajectoryDataset motion(Path dir, String motion, int demos) {
        return raw(dir, motion).first(demos).standardized();
    }

    /** One motion with the first 15 samples dropped and the final-point equilibrium, not standardised. */
    public static TrajectoryDataset raw(Path dir, String motion) {
        return read(file(dir, motion)).dropFirst(DROP);
    }

    /**
     * Motions stacked along the feature axis (2 motions: 4-D, 4 motions: 8-D; any number ≥ 1 works), each
     * with the first 15 samples dropped, then standardised. Named {@code "Angle+Sine"}.
     */
    public static TrajectoryDataset stacked(Path dir, List<String> motions) {
        return stacked(dir, motions, 0);
    }

    /** {@link #stacked} with only the first {@code demos} demonstrations of each motion (all for 0). */
    public static TrajectoryDataset stacked(Path dir, List<String> motions, int demos) {
        if (motions.isEmpty()) {
            throw new InvalidInputException("LASA: no motions to stack");
        }
        List<TrajectoryDataset> parts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String m : motions) {
            parts.add(raw(dir, m).first(demos));
            names.add(canonicalName(m));
        }
        return TrajectoryDataset.stack(String.join("+", names), parts).standardized();
    }

    /**
     * Reads a LASA MAT file as it is: every demonstration, every sample, velocities as recorded, times
     * from {@code t}, the equilibrium the mean final point. Named after the file.
     */
    public static TrajectoryDataset read(Path file) {
        String name = String.valueOf(file);
        if (!Files.exists(file)) {
            throw new MissingFileException(name + ": no such file");
        }
        if (Files.isDirectory(file)) {
            throw new MissingFileException(name + ": is a directory, not a file");
        }
        Mat5File mat;
        try {
            mat = Mat5.readFromFile(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new MalformedFileException(name + ": not a readable MAT v5 file (" + describe(e) + ")", e);
        }
        try (mat) {
            Array demos = find(mat, "demos");
            if (demos == null) {
                throw new InvalidInputException(name + ": no variable 'demos'");
            }
            int count = demos.getNumElements();
            if (count == 0) {
                throw new ShapeMismatchException(name + ": 'demos' is empty");
            }
            List<Demonstration> list = new ArrayList<>(count);
            for (int j = 0; j < count; j++) {
                list.add(demonstration(name, demos, j));
            }
            String base = file.getFileName().toString();
            if (base.endsWith(".mat")) {
                base = base.substring(0, base.length() - 4);
            }
            return new TrajectoryDataset(base, list, TrajectoryDataset.meanFinalState(list));
        } catch (AttractorException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new MalformedFileException(name + ": corrupt MAT file (" + describe(e) + ")", e);
        }
    }

    private static Array find(Mat5File mat, String var) {
        for (var e : mat.getEntries()) {
            if (var.equals(e.getName())) {
                return e.getValue();
            }
        }
        return null;
    }

    private static Demonstration demonstration(String name, Array demos, int j) {
        String where = name + ": demos{" + (j + 1) + "}";
        if (demos instanceof Cell cell) {
            Array a = cell.get(j);
            if (!(a instanceof Struct st)) {
                throw new InvalidInputException(where + " is a " + a.getType() + ", not a struct");
            }
            if (st.getNumElements() != 1) {
                throw new ShapeMismatchException(where + " is a struct array of " + st.getNumElements()
                        + " elements, expected one struct");
            }
            return fromStruct(where, st, 0);
        } else if (demos instanceof Struct st) {
            return fromStruct(name + ": demos(" + (j + 1) + ")", st, j);
        }
        throw new InvalidInputException(name + ": 'demos' is a " + demos.getType()
                + ", expected a cell of structs or a struct array");
    }

    private static Demonstration fromStruct(String where, Struct s, int index) {
        for (String f : List.of("pos", "vel", "t")) {
            if (!s.getFieldNames().contains(f)) {
                throw new InvalidInputException(where + " has no field '" + f + "'");
            }
        }
        Matrix pos = matrix(where, s, "pos", index);
        Matrix vel = matrix(where, s, "vel", index);
        Matrix t = matrix(where, s, "t", index);
        if (pos.getNumDimensions() != 2 || pos.getNumRows() != 2) {
            throw new ShapeMismatchException(where + ".pos has size " + size(pos) + ", expected 2xT");
        }
        int n = pos.getNumCols();
        if (vel.getNumDimensions() != 2 || vel.getNumRows() != 2 || vel.getNumCols() != n) {
            throw new ShapeMismatchException(where + ".vel has size " + size(vel) + ", expected 2x" + n + " like pos");
        }
        if (t.getNumElements() != n || t.getNumDimensions() != 2 || Math.min(t.getNumRows(), t.getNumCols()) != 1) {
            throw new ShapeMismatchException(where + ".t has size " + size(t) + ", expected 1x" + n + " like pos");
        }
        if (n <= DROP) {
            throw new ShapeMismatchException(where + " has " + n + " samples; at least " + (DROP + 1)
                    + " are needed (the first " + DROP + " are dropped)");
        }
        double[] times = new double[n];
        double[][] x = new double[n][2];
        double[][] v = new double[n][2];
        for (int k = 0; k < n; k++) {
            times[k] = finite(where, "t", t.getDouble(k), k, 0);
            for (int i = 0; i < 2; i++) {
                x[k][i] = finite(where, "pos", pos.getDouble(i, k), k, i);
                v[k][i] = finite(where, "vel", vel.getDouble(i, k), k, i);
            }
        }
        return new Demonstration(where, times, x, v);
    }

    private static Matrix matrix(String where, Struct s, String field, int index) {
        Array a = s.get(field, index);
        if (!(a instanceof Matrix m) || a.getType() == MatlabType.Character || m.isLogical()) {
            throw new InvalidInputException(where + "." + field + " is a " + a.getType() + ", not a numeric matrix");
        }
        if (m.isComplex()) {
            throw new InvalidInputException(where + "." + field + " is complex");
        }
        return m;
    }

    private static double finite(String where, String field, double value, int k, int i) {
        if (!Double.isFinite(value)) {
            throw new NonFiniteValueException(where + "." + field + " has " + value + " at sample " + (k + 1)
                    + (field.equals("t") ? "" : ", row " + (i + 1)));
        }
        return value;
    }

    private static String size(Array a) {
        int[] d = a.getDimensions();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < d.length; i++) {
            sb.append(i == 0 ? "" : "x").append(d[i]);
        }
        return sb.toString();
    }

    private static String describe(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null && c.getMessage() != null && c.getCause().getMessage() != null
                && c.getMessage().contains(c.getCause().getClass().getName())) {
            c = c.getCause();
        }
        String m = c.getMessage();
        return (m == null ? c.getClass().getSimpleName() : m).replace('\n', ' ').replace('\r', ' ');
    }
}
