package io.github.attractor.data.trajectory;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.ShapeMismatchException;
import io.github.attractor.data.array.NdArray;
import io.github.attractor.data.npy.Npz;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trajectory datasets in numpy {@code .npz} archives, so that {@code --dataset file.npz} takes a Python
 * user's data as it is.
 *
 * <p><b>Members read.</b>
 * <ul>
 *   <li>positions and velocities, two rank-3 arrays of the same shape and any numeric dtype (float32 is
 *       widened to double): {@code pos} and {@code vel} (the ELCD code's names), or {@code my_X_phy} and
 *       {@code my_X_dot_phy} (its pendulum files' names);</li>
 *   <li>their {@link Layout}: {@code pos}/{@code vel} default to {@link Layout#DEMOS_DIM_TIME}
 *       (demos×D×T, as in the ELCD Rosenbrock and LASA arrays), {@code my_X_phy}/{@code my_X_dot_phy} to
 *       {@link Layout#TIME_DEMOS_DIM} (T×demos×D, as in the pendulum files); a text member
 *       {@code layout} ({@code "demos,dim,time"} or {@code "time,demos,dim"}) or the argument of
 *       {@link #read(Path, Layout)} overrides the default;</li>
 *   <li>optional {@code t}: sample times, shape (T) shared by all demonstrations or (demos, T); without it
 *       {@code t_k = k·dt} with the scalar member {@code dt} if present, else {@code dt = 1};</li>
 *   <li>optional {@code x_eq}: the equilibrium, shape (D) or (1, D); without it the mean of the
 *       demonstrations' final states.</li>
 * </ul>
 * Other members are ignored. NaN or infinity anywhere is refused. Errors are one line naming the file:
 * {@code "data.npz: no position array …"}, {@code "data.npz: 'pos' has shape 4x8 but must be rank 3 …"}.
 *
 * <p>{@link #write} stores {@code pos}, {@code vel} (demos×D×T, float64), {@code t} (demos×T) and
 * {@code x_eq} (D), which {@link #read(Path)} reads back to the same dataset (raw coordinates: a
 * standardisation is not stored).
 */
public final class TrajectoryNpz {
    private TrajectoryNpz() {
    }

    /** How the three axes of the position and velocity arrays are ordered. */
    public enum Layout {
        /** demos × D × T (ELCD {@code pos}/{@code vel}). */
        DEMOS_DIM_TIME("demos,dim,time"),
        /** T × demos × D (ELCD pendulum {@code my_X_phy}/{@code my_X_dot_phy}). */
        TIME_DEMOS_DIM("time,demos,dim");

        private final String label;

        Layout(String label) {
            this.label = label;
        }

        /** The label used in a {@code layout} text member. */
        public String label() {
            return label;
        }

        static Layout parse(String file, String s) {
            String norm = s.replace(" ", "").toLowerCase(Locale.ROOT);
            for (Layout l : values()) {
                if (l.label.equals(norm)) {
                    return l;
                }
            }
            throw new InvalidInputException(file + ": unknown layout '" + s + "'; known: demos,dim,time and time,demos,dim");
        }
    }

    /** Reads a dataset with the layout given by the file (see the class comment). */
    public static TrajectoryDataset read(Path path) {
        return read(path, null);
    }

    /** Reads a dataset; {@code layout} (when not null) overrides the file's layout. */
    public static TrajectoryDataset read(Path path, Layout layout) {
        String file = String.valueOf(path);
        Npz.Contents c = Npz.readAll(path);
        Map<String, NdArray> a = c.arrays();
        String posKey;
        String velKey;
        Layout fileLayout;
        if (a.containsKey("pos") || a.containsKey("vel")) {
            posKey = "pos";
            velKey = "vel";
            fileLayout = Layout.DEMOS_DIM_TIME;
        } else if (a.containsKey("my_X_phy") || a.containsKey("my_X_dot_phy")) {
            posKey = "my_X_phy";
            velKey = "my_X_dot_phy";
            fileLayout = Layout.TIME_DEMOS_DIM;
        } else {
            throw new InvalidInputException(file + ": no position array (expected 'pos' and 'vel', or 'my_X_phy' and "
                    + "'my_X_dot_phy'); found " + a.keySet());
        }
        for (String k : List.of(posKey, velKey)) {
            if (!a.containsKey(k)) {
                throw new InvalidInputException(file + ": no '" + k + "' array beside '"
                        + (k.equals(posKey) ? velKey : posKey) + "'");
            }
        }
        if (c.strings().containsKey("layout")) {
            fileLayout = Layout.parse(file, c.strings().get("layout"));
        }
        Layout use = layout != null ? layout : fileLayout;
        NdArray pos = a.get(posKey);
        NdArray vel = a.get(velKey);
        if (pos.rank() != 3) {
            throw new ShapeMismatchException(file + ": '" + posKey + "' has shape " + NdArray.shapeString(pos.shape())
                    + " but must be rank 3 (" + use.label() + ")");
        }
        if (!java.util.Arrays.equals(pos.shape(), vel.shape())) {
            throw new ShapeMismatchException(file + ": '" + posKey + "' has shape " + NdArray.shapeString(pos.shape())
                    + " but '" + velKey + "' has " + NdArray.shapeString(vel.shape()));
        }
        int[] s = pos.shape();
        int demos = use == Layout.DEMOS_DIM_TIME ? s[0] : s[1];
        int d = use == Layout.DEMOS_DIM_TIME ? s[1] : s[2];
        int t = use == Layout.DEMOS_DIM_TIME ? s[2] : s[0];
        if (demos == 0 || d == 0 || t == 0) {
            throw new ShapeMismatchException(file + ": '" + posKey + "' has shape " + NdArray.shapeString(s)
                    + " with an empty axis");
        }
        double[][] times = times(file, a, demos, t);
        List<Demonstration> list = new ArrayList<>(demos);
        for (int j = 0; j < demos; j++) {
            double[][] x = new double[t][d];
            double[][] v = new double[t][d];
            for (int k = 0; k < t; k++) {
                for (int i = 0; i < d; i++) {
                    int flat = use == Layout.DEMOS_DIM_TIME ? (j * d + i) * t + k : (k * demos + j) * d + i;
                    x[k][i] = pos.data()[flat];
                    v[k][i] = vel.data()[flat];
                }
            }
            list.add(new Demonstration(file + ": demonstration " + j, times[j], x, v));
        }
        double[] eq;
        NdArray xeq = a.get("x_eq");
        if (xeq != null) {
            if (xeq.size() != d || xeq.rank() > 2 || (xeq.rank() == 2 && xeq.dim(0) != 1)) {
                throw new ShapeMismatchException(file + ": 'x_eq' has shape " + NdArray.shapeString(xeq.shape())
                        + ", expected (" + d + ") or (1, " + d + ")");
            }
            eq = xeq.data().clone();
        } else {
            eq = TrajectoryDataset.meanFinalState(list);
        }
        return new TrajectoryDataset(baseName(path), list, eq);
    }

    private static double[][] times(String file, Map<String, NdArray> a, int demos, int t) {
        double[][] out = new double[demos][];
        NdArray ta = a.get("t");
        if (ta != null) {
            if (ta.rank() == 1 && ta.dim(0) == t) {
                for (int j = 0; j < demos; j++) {
                    out[j] = ta.data().clone();
                }
            } else if (ta.rank() == 2 && ta.dim(0) == demos && ta.dim(1) == t) {
                for (int j = 0; j < demos; j++) {
                    out[j] = java.util.Arrays.copyOfRange(ta.data(), j * t, (j + 1) * t);
                }
            } else {
                throw new ShapeMismatchException(file + ": 't' has shape " + NdArray.shapeString(ta.shape())
                        + ", expected (" + t + ") or (" + demos + ", " + t + ")");
            }
            return out;
        }
        double dt = 1.0;
        NdArray dta = a.get("dt");
        if (dta != null) {
            if (dta.size() != 1 || !(dta.data()[0] > 0)) {
                throw new InvalidInputException(file + ": 'dt' must be one positive number, got shape "
                        + NdArray.shapeString(dta.shape()));
            }
            dt = dta.data()[0];
        }
        double[] grid = new double[t];
        for (int k = 0; k < t; k++) {
            grid[k] = k * dt;
        }
        for (int j = 0; j < demos; j++) {
            out[j] = grid;
        }
        return out;
    }

    /**
     * Writes {@code data} (its own coordinates) as {@code pos}, {@code vel}, {@code t}, {@code x_eq},
     * atomically; every demonstration must have the same length.
     */
    public static void write(Path path, TrajectoryDataset data) {
        String file = String.valueOf(path);
        int demos = data.size();
        int d = data.dimension();
        int t = data.demonstration(0).length();
        for (int j = 0; j < demos; j++) {
            if (data.demonstration(j).length() != t) {
                throw new ShapeMismatchException(file + ": demonstrations must have one length to be written, but "
                        + "demonstration " + j + " has " + data.demonstration(j).length() + " samples and demonstration 0 "
                        + t);
            }
        }
        double[] pos = new double[demos * d * t];
        double[] vel = new double[demos * d * t];
        double[] times = new double[demos * t];
        for (int j = 0; j < demos; j++) {
            Demonstration demo = data.demonstration(j);
            for (int k = 0; k < t; k++) {
                for (int i = 0; i < d; i++) {
                    pos[(j * d + i) * t + k] = demo.state(k)[i];
                    vel[(j * d + i) * t + k] = demo.velocity(k)[i];
                }
            }
            System.arraycopy(demo.times(), 0, times, j * t, t);
        }
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        arrays.put("pos", new NdArray(new int[] {demos, d, t}, pos));
        arrays.put("vel", new NdArray(new int[] {demos, d, t}, vel));
        arrays.put("t", new NdArray(new int[] {demos, t}, times));
        arrays.put("x_eq", NdArray.ofVector(data.equilibrium()));
        Npz.write(path, arrays, Map.of("layout", Layout.DEMOS_DIM_TIME.label()));
    }

    private static String baseName(Path path) {
        Path f = path.getFileName();
        String n = f == null ? String.valueOf(path) : f.toString();
        return n.endsWith(".npz") ? n.substring(0, n.length() - 4) : n;
    }
}
