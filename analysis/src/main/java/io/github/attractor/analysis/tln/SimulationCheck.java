package io.github.attractor.analysis.tln;

import io.github.attractor.core.error.ComputationException;
import io.github.attractor.core.fixed.Verdict;
import io.github.attractor.core.ode.IntegrationSettings;
import io.github.attractor.core.ode.Integrator;
import io.github.attractor.core.ode.Trajectory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Confirms an enumeration of a TLN's fixed points by simulation:
 * <ol>
 *   <li>from a grid of initial states (jittered by 10⁻³ of its width), every trajectory that settles ({@code ‖f‖ < 1e-9}) must end at an
 *       enumerated stable isolated fixed point or on a transversally attracting continuum;</li>
 *   <li>every stable isolated fixed point is reached from some grid state, or (if its basin misses the grid)
 *       returns from small perturbations;</li>
 *   <li>every unstable isolated fixed point is left by some small perturbation ({@code 10⁻⁴}, 8 random
 *       directions: the distance grows tenfold);</li>
 *   <li>every attracting continuum is reached at two or more distinct points (it is a continuum, not a
 *       point);</li>
 *   <li>no trajectory diverges unless the enumeration found no stable fixed point and no attracting
 *       continuum.</li>
 * </ol>
 * Any violation is listed; {@link Report#confirmed()} is true when there is none.
 */
public final class SimulationCheck {
    private SimulationCheck() {
    }

    /** Counts and the list of disagreements between the enumeration and simulation. */
    public record Report(int starts, int settled, int diverged, int distinctEndsOnContinua, List<String> problems) {
        public boolean confirmed() {
            return problems.isEmpty();
        }
    }

    /**
     * Checks over the grid {@code lo..hi} per coordinate ({@code perAxis} points each, n ≤ 4) up to time
     * {@code max(T, 25 / r)}, r the slowest non-zero rate {@code |Re λ|} of the linear pieces {@code -I + D_σ W}
     * (capped at 10⁶), so that nearly degenerate perturbations have time to settle; perturbations of an unstable point run for
     * {@code 8 / (its largest Re λ)}.
     */
    public static Report verify(ThresholdLinearNetwork net, SupportEnumeration.Result result, double lo, double hi,
            int perAxis, double minHorizon, long seed) {
        int n = net.dimension();
        // the slowest rate of any linear piece -I + D_σ W: a slow channel (the ghost of a broken line) is
        // crossed on that time scale even where the piece holds no fixed point
        double slowest = Double.POSITIVE_INFINITY;
        for (int m = 0; m < 1 << n; m++) {
            final int mask = m;
            int[] piece = java.util.stream.IntStream.range(0, n).filter(i -> (mask >> i & 1) != 0).toArray();
            io.github.attractor.core.linalg.Spectrum sp = io.github.attractor.core.linalg.Eigen.eigenvalues(
                    net.jacobianOnSupport(piece));
            for (int k = 0; k < sp.size(); k++) {
                double re = Math.abs(sp.real(k));
                if (re > 1e-12) {
                    slowest = Math.min(slowest, re);
                }
            }
        }
        double horizon = Math.min(1e6, Math.max(minHorizon, 25 / slowest));
        List<double[]> starts = new ArrayList<>();
        int total = (int) Math.pow(perAxis, n);
        SplittableRandom jitter = new SplittableRandom(seed);
        for (int s = 0; s < total; s++) {
            double[] x = new double[n];
            int r = s;
            for (int i = 0; i < n; i++) {
                // a small seeded jitter keeps grid points off the stable manifolds of saddles (symmetric grids
                // would otherwise start exactly on them)
                x[i] = lo + (hi - lo) * (r % perAxis) / (perAxis - 1.0) + 1e-3 * (hi - lo) * (jitter.nextDouble() - 0.5);
                r /= perAxis;
            }
            starts.add(x);
        }
        List<String> problems = new ArrayList<>();
        Integrator integ = new Integrator(IntegrationSettings.defaults().withTolerances(1e-11, 1e-11)
                .withConvergenceTolerance(1e-10).withRecordStates(false).withBlowUpBound(1e6));
        List<TlnFixedPoint> stable = result.isolated(Verdict.STABLE);
        List<Continuum> attracting = result.continua().stream().filter(c -> c.transverse() == Verdict.STABLE).toList();
        boolean[] reached = new boolean[stable.size()];
        List<List<double[]>> endsOn = new ArrayList<>();
        for (int c = 0; c < attracting.size(); c++) {
            endsOn.add(new ArrayList<>());
        }
        int settled = 0;
        int diverged = 0;
        double biasScale = 1;
        for (double v : net.bias()) {
            biasScale = Math.max(biasScale, Math.abs(v));
        }
        final double scale = biasScale;
        for (double[] x0 : starts) {
            double[] settledAt;
            try {
                Trajectory tr = integ.integrate(net, x0, 0, horizon);
                if (tr.finalResidualNorm() >= 1e-9) {
                    problems.add("start " + java.util.Arrays.toString(x0) + " did not settle by t = " + horizon
                            + " (|f| = " + tr.finalResidualNorm() + ")");
                    continue;
                }
                settledAt = tr.finalState();
            } catch (ComputationException e) {
                diverged++;
                continue;
            }
            settled++;
            double[] end = settledAt;
            boolean explained = false;
            for (int q = 0; q < stable.size(); q++) {
                if (distance(stable.get(q).x(), end) < 1e-6 * scale) {
                    reached[q] = true;
                    explained = true;
                }
            }
            for (int c = 0; c < attracting.size() && !explained; c++) {
                if (onContinuum(net, attracting.get(c), end, scale)) {
                    explained = true;
                    List<double[]> ends = endsOn.get(c);
                    if (ends.stream().noneMatch(e -> distance(e, end) < 1e-4 * scale)) {
                        ends.add(end);
                    }
                }
            }
            if (!explained) {
                problems.add("start " + java.util.Arrays.toString(x0) + " settled at " + java.util.Arrays.toString(end)
                        + ", which the enumeration does not list as stable");
            }
        }
        if (diverged > 0 && (!stable.isEmpty() || !attracting.isEmpty())) {
            problems.add(diverged + " trajectories diverged although the enumeration found attractors");
        }
        SplittableRandom rng = jitter;
        for (int q = 0; q < stable.size(); q++) {
            if (!reached[q] && growth(net, integ, stable.get(q).x(), rng, horizon) > 1) {
                problems.add("stable fixed point " + java.util.Arrays.toString(stable.get(q).x())
                        + " is neither reached from the grid nor returns from perturbations");
            }
        }
        for (TlnFixedPoint p : result.isolated(Verdict.UNSTABLE)) {
            double unstableRate = p.spectrum().maxRealPart();
            if (growth(net, integ, p.x(), rng, Math.min(1e6, Math.max(60, 8 / unstableRate))) < 10) {
                problems.add("unstable fixed point " + java.util.Arrays.toString(p.x())
                        + " is not left by small perturbations");
            }
        }
        int distinct = 0;
        for (int c = 0; c < attracting.size(); c++) {
            distinct += endsOn.get(c).size();
            if (endsOn.get(c).size() < 2) {
                problems.add("continuum on support " + java.util.Arrays.toString(attracting.get(c).support())
                        + " was reached at " + endsOn.get(c).size() + " distinct points only");
            }
        }
        return new Report(starts.size(), settled, diverged, distinct, problems);
    }

    /** Largest ratio (final distance / 10⁻⁴) over 8 random perturbations integrated to time T. */
    static double growth(ThresholdLinearNetwork net, Integrator integ, double[] x, SplittableRandom rng, double t) {
        double eps = 1e-4;
        double worst = 0;
        Integrator plain = new Integrator(integ.settings().withConvergenceTolerance(0));
        for (int k = 0; k < 8; k++) {
            double[] d = new double[x.length];
            double norm = 0;
            for (int i = 0; i < d.length; i++) {
                d[i] = rng.nextGaussian();
                norm += d[i] * d[i];
            }
            norm = Math.sqrt(norm);
            double[] x0 = x.clone();
            for (int i = 0; i < d.length; i++) {
                x0[i] += eps * d[i] / norm;
            }
            try {
                double[] end = plain.integrate(net, x0, 0, t).finalState();
                worst = Math.max(worst, distance(end, x) / eps);
            } catch (ComputationException e) {
                return Double.POSITIVE_INFINITY;
            }
        }
        return worst;
    }

    /** Whether a settled state is a fixed point in the closure of the continuum. */
    static boolean onContinuum(ThresholdLinearNetwork net, Continuum c, double[] x, double scale) {
        boolean[] in = new boolean[x.length];
        for (int i : c.support()) {
            in[i] = true;
        }
        for (int i = 0; i < x.length; i++) {
            if (!in[i] && Math.abs(x[i]) > 1e-7 * scale) {
                return false;
            }
        }
        for (int i : c.support()) {
            double r = x[i] - net.bias(i);
            for (int j : c.support()) {
                r -= net.weight(i, j) * x[j];
            }
            if (Math.abs(r) > 1e-7 * scale) {
                return false;
            }
        }
        return true;
    }

    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }
}
