package io.github.attractor.data.catalog;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.UnknownNameException;
import io.github.attractor.data.lasa.Lasa;
import io.github.attractor.data.pendulum.NLinkPendulum;
import io.github.attractor.data.pendulum.PendulumDatasets;
import io.github.attractor.data.rosenbrock.RosenbrockDatasets;
import io.github.attractor.data.trajectory.TrajectoryDataset;
import io.github.attractor.data.trajectory.TrajectoryNpz;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Datasets by name, for options such as {@code --dataset}:
 * <ul>
 *   <li>{@code lasa:Angle} — one LASA motion, 2-D, prepared as in {@link Lasa#motion} (standardised);</li>
 *   <li>{@code lasa:Angle+Sine} (or {@code lasa4:Angle,Sine}, {@code lasa8:A,B,C,D}) — motions stacked
 *       along the feature axis ({@link Lasa#stacked}, standardised); {@code lasa4} requires 2 motions,
 *       {@code lasa8} 4;</li>
 *   <li>{@code pendulum:2|4|8} — the ELCD reference file {@code elcd/pendulum/n-<n>.npz} (raw);</li>
 *   <li>{@code pendulum-sim:<n>} — our simulator, {@link #SIMULATED_TRAJECTORIES} trajectories of 1000
 *       samples from seeded random starts ({@link PendulumDatasets#generate}; raw, equilibrium 0);</li>
 *   <li>{@code rosenbrock:8|16} — the reference file {@code elcd/rosenbrock/rosenbrock_<n>.npz} prepared for
 *       learning: raw, equilibrium (1, …, 1), the first sample of every demonstration dropped
 *       ({@link RosenbrockDatasets#REFERENCE_DROP}: its velocity contradicts the positions and is up to 4e7 in
 *       16-D, so one sample would dominate any squared loss);</li>
 *   <li>{@code rosenbrock-sim:<n>} — our generator of (4.24) ({@link RosenbrockDatasets#generate(int)});</li>
 *   <li>{@code <file>.npz} — any archive {@link TrajectoryNpz} reads;</li>
 *   <li>{@code <file>.mat} — a MAT v5 file in the LASA layout ({@link Lasa#read}: struct or cell {@code demos}
 *       with {@code pos}, {@code vel}, {@code t}), prepared like a LASA motion (15 samples dropped,
 *       standardised).</li>
 * </ul>
 * Reference files are looked up under the data root passed in (see
 * {@link io.github.attractor.data.io.DataRoot}); the {@code -sim} sources need no files, so they suit
 * built-in demonstrations. Only LASA is standardised here (as in the ELCD experiments); callers standardise
 * the others with {@link TrajectoryDataset#standardized()} where they want it.
 */
public final class TrajectoryCatalog {
    /** Trajectories of {@code pendulum-sim}: 10, as in the reference files. */
    public static final int SIMULATED_TRAJECTORIES = 10;

    private TrajectoryCatalog() {
    }

    /** The dataset named by {@code spec}; reference data under {@code root}; {@code seed} for {@code -sim}. */
    public static TrajectoryDataset load(String spec, Path root, long seed) {
        return load(spec, root, seed, 0);
    }

    /**
     * {@link #load(String, Path, long)} keeping only the first {@code demos} demonstrations (all for 0); LASA data are
     * standardised on the demonstrations kept.
     */
    public static TrajectoryDataset load(String spec, Path root, long seed, int demos) {
        if (demos < 0) {
            throw new InvalidInputException("dataset '" + spec + "': the number of demonstrations must not be negative, "
                    + "got " + demos);
        }
        if (spec != null && (spec.startsWith("lasa") || spec.endsWith(".mat"))) {
            return loadAll(spec, root, seed, demos);
        }
        return loadAll(spec, root, seed, 0).first(demos);
    }

    private static TrajectoryDataset loadAll(String spec, Path root, long seed, int demos) {
        if (spec == null || spec.isBlank()) {
            throw new InvalidInputException("dataset: empty name; " + help());
        }
        int colon = spec.indexOf(':');
        if (colon < 0) {
            if (spec.endsWith(".npz")) {
                return TrajectoryNpz.read(Path.of(spec));
            }
            if (spec.endsWith(".mat")) {
                return Lasa.read(Path.of(spec)).dropFirst(Lasa.DROP).first(demos).standardized();
            }
            throw new UnknownNameException("dataset '" + spec + "' is neither kind:name nor a .npz or .mat file; "
                    + help());
        }
        String kind = spec.substring(0, colon);
        String arg = spec.substring(colon + 1);
        switch (kind) {
            case "lasa", "lasa4", "lasa8" -> {
                List<String> motions = Arrays.asList(arg.split("[+,]"));
                int want = kind.equals("lasa4") ? 2 : kind.equals("lasa8") ? 4 : -1;
                if (want > 0 && motions.size() != want) {
                    throw new InvalidInputException("dataset '" + spec + "': " + kind + " stacks " + want
                            + " motions, got " + motions.size());
                }
                Path dir = root.resolve("lasa");
                return motions.size() == 1 ? Lasa.motion(dir, motions.get(0), demos) : Lasa.stacked(dir, motions, demos);
            }
            case "pendulum" -> {
                return PendulumDatasets.reference(existing(spec, PendulumDatasets.referenceFile(root, count(spec, arg))));
            }
            case "pendulum-sim" -> {
                return PendulumDatasets.generate(NLinkPendulum.standard(count(spec, arg)), SIMULATED_TRAJECTORIES,
                        PendulumDatasets.STEPS, seed);
            }
            case "rosenbrock" -> {
                return RosenbrockDatasets.reference(existing(spec, RosenbrockDatasets.referenceFile(root,
                        count(spec, arg)))).dropFirst(RosenbrockDatasets.REFERENCE_DROP);
            }
            case "rosenbrock-sim" -> {
                return RosenbrockDatasets.generate(count(spec, arg));
            }
            default -> throw new UnknownNameException("dataset kind '" + kind + "' is unknown; " + help());
        }
    }

    /** One line listing the accepted forms. */
    public static String help() {
        return "known: lasa:<motion>[+<motion>...], lasa4:<a>,<b>, lasa8:<a>,<b>,<c>,<d>, pendulum:<links>, "
                + "pendulum-sim:<links>, rosenbrock:<n>, rosenbrock-sim:<n>, <file>.npz, <file>.mat (LASA layout)";
    }

    private static int count(String spec, String arg) {
        try {
            int n = Integer.parseInt(arg.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException("dataset '" + spec + "': '" + arg + "' is not a positive whole number");
    }

    private static Path existing(String spec, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("dataset '" + spec + "': reference file not found at "
                    + file.toAbsolutePath().normalize() + " (set ATTRACTOR_DATA to the folder that holds elcd/)");
        }
        return file;
    }
}
