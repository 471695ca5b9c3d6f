package io.github.attractor.cli.commands;

import io.github.attractor.core.ode.IntegrationSettings;
import io.github.attractor.core.ode.Method;
import picocli.CommandLine.Option;

/** Integrator options shared by the commands that simulate. */
public final class IntegrationOptions {
    @Option(names = "--t-end", defaultValue = "100", description = "Final time (default: ${DEFAULT-VALUE}).")
    double tEnd;

    @Option(names = "--method", defaultValue = "dopri5",
            description = "Integrator: dopri5, dop853, rk4, euler (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--atol", defaultValue = "1e-10", description = "Absolute tolerance (default: ${DEFAULT-VALUE}).")
    double atol;

    @Option(names = "--rtol", defaultValue = "1e-10", description = "Relative tolerance (default: ${DEFAULT-VALUE}).")
    double rtol;

    @Option(names = "--step", defaultValue = "0.01", description = "Step of rk4/euler (default: ${DEFAULT-VALUE}).")
    double step;

    @Option(names = "--tol", defaultValue = "1e-9",
            description = "Stop when |dx/dt| < TOL; 0 integrates to --t-end (default: ${DEFAULT-VALUE}).")
    double tol;

    IntegrationSettings settings() {
        io.github.attractor.core.error.Require.that(tEnd > 0, "--t-end must be positive, got " + tEnd);
        return IntegrationSettings.defaults().withMethod(Method.parse(method)).withTolerances(atol, rtol).withStep(step)
                .withConvergenceTolerance(tol);
    }
}
