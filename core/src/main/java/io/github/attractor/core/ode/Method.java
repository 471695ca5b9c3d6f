package io.github.attractor.core.ode;

/** Integration schemes behind {@link Integrator}; all are Hipparchus integrators. */
public enum Method {
    /** Adaptive Dormand–Prince 5(4) (the scheme of MATLAB ode45 and scipy RK45). */
    DORMAND_PRINCE_54("dopri5"),
    /** Adaptive Dormand–Prince 8(5,3). */
    DORMAND_PRINCE_853("dop853"),
    /** Fixed-step classical Runge–Kutta of order 4. */
    RK4("rk4"),
    /** Fixed-step explicit Euler, for comparisons with discrete-time updates. */
    EULER("euler");

    private final String label;

    Method(String label) {
        this.label = label;
    }

    /** Short name used on the command line. */
    public String label() {
        return label;
    }

    /** Whether the scheme adapts its step to the tolerances. */
    public boolean adaptive() {
        return this == DORMAND_PRINCE_54 || this == DORMAND_PRINCE_853;
    }

    /** Parses a short name ({@code dopri5}, {@code dop853}, {@code rk4}, {@code euler}) or an enum name. */
    public static Method parse(String s) {
        for (Method m : values()) {
            if (m.label.equalsIgnoreCase(s) || m.name().equalsIgnoreCase(s)) {
                return m;
            }
        }
        throw new io.github.attractor.core.error.UnknownNameException(
                "unknown integration method '" + s + "'; known: dopri5, dop853, rk4, euler");
    }
}
