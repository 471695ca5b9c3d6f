package io.github.attractor.core.ode;

import io.github.attractor.core.error.Require;

/**
 * How to integrate: the scheme, its tolerances (adaptive schemes) or step (fixed-step schemes), the
 * convergence stop {@code ‖f(x)‖₂ < convergenceTolerance} (disabled when ≤ 0), the blow-up bound on
 * {@code ‖x‖∞} past which the integration is declared divergent, whether to keep every accepted state,
 * and the evaluation budget.
 */
public record IntegrationSettings(Method method, double absoluteTolerance, double relativeTolerance, double step,
        double convergenceTolerance, double blowUpBound, boolean recordStates, int maxEvaluations) {

    public IntegrationSettings {
        Require.that(absoluteTolerance > 0 && relativeTolerance > 0,
                "integration tolerances must be positive, got atol=" + absoluteTolerance + ", rtol=" + relativeTolerance);
        Require.that(step > 0, "integration step must be positive, got " + step);
        Require.that(blowUpBound > 0, "blow-up bound must be positive, got " + blowUpBound);
        Require.that(maxEvaluations > 0, "evaluation budget must be positive, got " + maxEvaluations);
    }

    /** Dormand–Prince 5(4), atol = rtol = 1e-8, no convergence stop, blow-up at 1e12, states recorded. */
    public static IntegrationSettings defaults() {
        return new IntegrationSettings(Method.DORMAND_PRINCE_54, 1e-8, 1e-8, 1e-2, 0.0, 1e12, true, 50_000_000);
    }

    public IntegrationSettings withMethod(Method m) {
        return new IntegrationSettings(m, absoluteTolerance, relativeTolerance, step, convergenceTolerance,
                blowUpBound, recordStates, maxEvaluations);
    }

    public IntegrationSettings withTolerances(double atol, double rtol) {
        return new IntegrationSettings(method, atol, rtol, step, convergenceTolerance, blowUpBound, recordStates,
                maxEvaluations);
    }

    public IntegrationSettings withStep(double h) {
        return new IntegrationSettings(method, absoluteTolerance, relativeTolerance, h, convergenceTolerance,
                blowUpBound, recordStates, maxEvaluations);
    }

    public IntegrationSettings withConvergenceTolerance(double tol) {
        return new IntegrationSettings(method, absoluteTolerance, relativeTolerance, step, tol, blowUpBound,
                recordStates, maxEvaluations);
    }

    public IntegrationSettings withBlowUpBound(double bound) {
        return new IntegrationSettings(method, absoluteTolerance, relativeTolerance, step, convergenceTolerance,
                bound, recordStates, maxEvaluations);
    }

    public IntegrationSettings withRecordStates(boolean record) {
        return new IntegrationSettings(method, absoluteTolerance, relativeTolerance, step, convergenceTolerance,
                blowUpBound, record, maxEvaluations);
    }

    public IntegrationSettings withMaxEvaluations(int n) {
        return new IntegrationSettings(method, absoluteTolerance, relativeTolerance, step, convergenceTolerance,
                blowUpBound, recordStates, n);
    }
}
