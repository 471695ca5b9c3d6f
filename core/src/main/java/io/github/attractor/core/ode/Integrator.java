package io.github.attractor.core.ode;

import io.github.attractor.core.energy.Energy;
import io.github.attractor.core.error.DivergenceException;
import io.github.attractor.core.error.NonConvergenceException;
import io.github.attractor.core.error.Require;
import io.github.attractor.core.error.StepSizeCollapseException;
import io.github.attractor.core.field.VectorField;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.exception.LocalizedCoreFormats;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.ode.LocalizedODEFormats;
import org.hipparchus.ode.ODEIntegrator;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.events.AbstractODEDetector;
import org.hipparchus.ode.events.Action;
import org.hipparchus.ode.events.AdaptableInterval;
import org.hipparchus.ode.events.ODEEventHandler;
import org.hipparchus.ode.nonstiff.ClassicalRungeKuttaIntegrator;
import org.hipparchus.ode.nonstiff.DormandPrince54Integrator;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.nonstiff.EulerIntegrator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;
import org.hipparchus.analysis.solvers.BracketedUnivariateSolver;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.analysis.UnivariateFunction;

/**
 * One small facade over the Hipparchus integrators for {@code dx/dt = f(t, x)}: adaptive
 * Dormand–Prince 5(4) and 8(5,3), fixed-step RK4 and Euler. It records every accepted step with its
 * energy and {@code ‖f‖₂}, and stops on convergence ({@code ‖f(x)‖₂ < tol}) through the integrator's own
 * machinery, not by polling: an event detector on the dense output for the adaptive schemes, a
 * step-end handler for the fixed-step ones (their dense output holds the derivative constant over a
 * step, so an event on {@code ‖f‖} cannot be bracketed inside it). Blow-up (NaN, infinity,
 * {@code ‖x‖∞} past the bound) is a {@link DivergenceException}; a collapsed adaptive step is its
 * subclass {@link StepSizeCollapseException}.
 */
public final class Integrator {
    private final IntegrationSettings settings;

    public Integrator(IntegrationSettings settings) {
        this.settings = settings;
    }

    public IntegrationSettings settings() {
        return settings;
    }

    /** Integrates {@code f} from {@code x0} over {@code [t0, t1]} without energy. */
    public Trajectory integrate(VectorField f, double[] x0, double t0, double t1) {
        return integrate(f, null, x0, t0, t1, null);
    }

    /**
     * Integrates {@code f} from {@code x0} over {@code [t0, t1]} (forward, {@code t1 > t0}), evaluating
     * {@code energy} (may be null) at every accepted step and reporting progress to {@code observer}
     * (may be null).
     */
    public Trajectory integrate(VectorField f, Energy energy, double[] x0, double t0, double t1,
            StepObserver observer) {
        int n = f.dimension();
        Require.length("initial state", x0, n);
        Require.finite("initial state", x0);
        Require.that(t1 > t0 && Double.isFinite(t1) && Double.isFinite(t0),
                "time span must be finite with t1 > t0, got [" + t0 + ", " + t1 + "]");
        Recorder rec = new Recorder(f, energy, settings, t0, t1, observer);
        double[] f0 = new double[n];
        f.evaluate(t0, x0, f0);
        requireFinite(f0, t0, "f(x0)");
        rec.add(t0, x0, f0);
        if (settings.convergenceTolerance() > 0 && norm2(f0) < settings.convergenceTolerance()) {
            return rec.finish(StopReason.CONVERGED, 1);
        }
        Equation eq = new Equation(f);
        ODEIntegrator integrator = create(t1 - t0);
        integrator.setMaxEvaluations(settings.maxEvaluations());
        integrator.addStepHandler(rec);
        boolean[] converged = {false};
        if (settings.convergenceTolerance() > 0) {
            double tol = settings.convergenceTolerance();
            if (settings.method().adaptive()) {
                integrator.addEventDetector(new ConvergenceDetector(tol, converged));
            } else {
                integrator.addStepEndHandler((state, forward) -> {
                    if (norm2(state.getPrimaryDerivative()) < tol) {
                        converged[0] = true;
                        return Action.STOP;
                    }
                    return Action.CONTINUE;
                });
            }
        }
        try {
            integrator.integrate(eq, new ODEState(t0, x0.clone()), t1);
        } catch (MathIllegalStateException | MathIllegalArgumentException e) {
            throw translate(e, integrator);
        }
        StopReason reason = converged[0] ? StopReason.CONVERGED : StopReason.END_TIME;
        return rec.finish(reason, eq.evaluations + 1);
    }

    private ODEIntegrator create(double span) {
        double min = 1e-12 * span;
        return switch (settings.method()) {
            case DORMAND_PRINCE_54 -> new DormandPrince54Integrator(min, span, settings.absoluteTolerance(),
                    settings.relativeTolerance());
            case DORMAND_PRINCE_853 -> new DormandPrince853Integrator(min, span, settings.absoluteTolerance(),
                    settings.relativeTolerance());
            case RK4 -> new ClassicalRungeKuttaIntegrator(settings.step());
            case EULER -> new EulerIntegrator(settings.step());
        };
    }

    private RuntimeException translate(RuntimeException e, ODEIntegrator integrator) {
        double t = integrator.getStepStart() == null ? Double.NaN : integrator.getStepStart().getTime();
        if (e instanceof MathIllegalArgumentException mia
                && mia.getSpecifier() == LocalizedODEFormats.MINIMAL_STEPSIZE_REACHED_DURING_INTEGRATION) {
            return new StepSizeCollapseException("integration diverged near t = " + t + ": the step size collapsed "
                    + "(the solution blows up, the problem is too stiff, or the field is discontinuous and the "
                    + "trajectory slides along a switching surface; a fixed-step scheme, --method rk4, follows a slide)");
        }
        if (e instanceof MathIllegalStateException mis && mis.getSpecifier() == LocalizedCoreFormats.MAX_COUNT_EXCEEDED) {
            return new NonConvergenceException("integration stopped near t = " + t + ": the budget of "
                    + settings.maxEvaluations() + " right-hand-side evaluations is exhausted");
        }
        return e;
    }

    static double norm2(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    static void requireFinite(double[] v, double t, String what) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                throw new DivergenceException("integration diverged at t = " + t + ": " + what + " is not finite");
            }
        }
    }

    /** Adapts a {@link VectorField} to Hipparchus and rejects non-finite derivatives. */
    private static final class Equation implements OrdinaryDifferentialEquation {
        private final VectorField f;
        int evaluations;

        Equation(VectorField f) {
            this.f = f;
        }

        @Override
        public int getDimension() {
            return f.dimension();
        }

        @Override
        public double[] computeDerivatives(double t, double[] y) {
            double[] out = new double[y.length];
            f.evaluate(t, y, out);
            evaluations++;
            requireFinite(out, t, "the vector field");
            return out;
        }
    }

    /** Event {@code g = ‖f(x)‖₂ - tol}: stops when it crosses zero downwards. */
    private static final class ConvergenceDetector extends AbstractODEDetector<ConvergenceDetector> {
        private final double tolerance;
        private final boolean[] fired;

        ConvergenceDetector(double tolerance, boolean[] fired) {
            this(tolerance, fired, AdaptableInterval.of(Double.POSITIVE_INFINITY), DEFAULT_MAX_ITER,
                    new BracketingNthOrderBrentSolver(0, 1e-10, 0, 5), null);
        }

        private ConvergenceDetector(double tolerance, boolean[] fired, AdaptableInterval maxCheck, int maxIter,
                BracketedUnivariateSolver<UnivariateFunction> solver, ODEEventHandler handler) {
            super(maxCheck, maxIter, solver, handler);
            this.tolerance = tolerance;
            this.fired = fired;
        }

        @Override
        public ODEEventHandler getHandler() {
            return (state, detector, increasing) -> {
                if (increasing) {
                    return Action.CONTINUE;
                }
                fired[0] = true;
                return Action.STOP;
            };
        }

        @Override
        protected ConvergenceDetector create(AdaptableInterval maxCheck, int maxIter,
                BracketedUnivariateSolver<UnivariateFunction> solver, ODEEventHandler handler) {
            return new ConvergenceDetector(tolerance, fired, maxCheck, maxIter, solver, handler);
        }

        @Override
        public double g(ODEStateAndDerivative s) {
            return norm2(s.getPrimaryDerivative()) - tolerance;
        }
    }

    /** Records accepted steps, checks for blow-up and reports progress. */
    private static final class Recorder implements ODEStepHandler {
        private final VectorField f;
        private final Energy energy;
        private final IntegrationSettings settings;
        private final double t0;
        private final double span;
        private final StepObserver observer;
        private final List<double[]> states = new ArrayList<>();
        private double[] times = new double[64];
        private double[] energies = new double[64];
        private double[] norms = new double[64];
        private int count;
        private double[] last;

        Recorder(VectorField f, Energy energy, IntegrationSettings settings, double t0, double t1,
                StepObserver observer) {
            this.f = f;
            this.energy = energy;
            this.settings = settings;
            this.t0 = t0;
            this.span = t1 - t0;
            this.observer = observer;
        }

        void add(double t, double[] x, double[] dx) {
            for (double v : x) {
                if (!Double.isFinite(v) || Math.abs(v) > settings.blowUpBound()) {
                    throw new DivergenceException("integration diverged at t = " + t + ": |x|_inf = "
                            + maxAbs(x) + " exceeds the blow-up bound " + settings.blowUpBound());
                }
            }
            if (count == times.length) {
                int cap = count * 2;
                times = java.util.Arrays.copyOf(times, cap);
                energies = java.util.Arrays.copyOf(energies, cap);
                norms = java.util.Arrays.copyOf(norms, cap);
            }
            times[count] = t;
            energies[count] = energy == null ? Double.NaN : energy.value(x);
            norms[count] = norm2(dx);
            count++;
            last = x.clone();
            if (settings.recordStates()) {
                states.add(last);
            }
            if (observer != null) {
                observer.stepAccepted((t - t0) / span, t, norm2(dx));
            }
        }

        @Override
        public void handleStep(ODEStateInterpolator interpolator) {
            ODEStateAndDerivative s = interpolator.getCurrentState();
            add(s.getTime(), s.getPrimaryState(), s.getPrimaryDerivative());
        }

        Trajectory finish(StopReason reason, int evaluations) {
            // The last derivative may come from an interpolator: report the exact residual there.
            double[] fx = new double[last.length];
            f.evaluate(times[count - 1], last, fx);
            norms[count - 1] = norm2(fx);
            double[][] st = settings.recordStates() ? states.toArray(new double[0][]) : null;
            return new Trajectory(java.util.Arrays.copyOf(times, count), st, java.util.Arrays.copyOf(energies, count),
                    java.util.Arrays.copyOf(norms, count), last, reason, evaluations);
        }

        private static double maxAbs(double[] x) {
            double m = 0;
            for (double v : x) {
                m = Math.max(m, Math.abs(v));
            }
            return m;
        }
    }
}
