package io.github.attractor.analysis.lineattractor;

/**
 * The types of invariant set a perturbed two-unit line attractor can have (Section 1.3 of the note and
 * its Theorem 1), named by the fixed points and their supports.
 */
public enum InvariantSet {
    /** One fixed point with full support (stable: the note's first type, example 8). */
    SINGLE_FIXED_POINT("single_fixed_point"),
    /** One fixed point on an axis (partial support). */
    SINGLE_BOUNDARY_FIXED_POINT("single_boundary_fixed_point"),
    /** Two fixed points, both on the axes (partial supports; the note's third type, example 10). */
    TWO_BOUNDARY_FIXED_POINTS("two_boundary_fixed_points"),
    /** Two stable fixed points on the axes and a saddle with full support (the note's second type, example 9). */
    THREE_FIXED_POINTS("three_fixed_points"),
    /** A line (segment or ray) of fixed points (the note's fourth type, example 11). */
    LINE("line_attractor"),
    /** Unbounded line attractor perturbed: the origin is the only fixed point and attracts. */
    ORIGIN_STABLE("origin_stable"),
    /** Unbounded line attractor perturbed: the origin is the only fixed point; states escape along a ray. */
    ORIGIN_UNSTABLE("origin_unstable"),
    /** Anything else (large perturbations). */
    OTHER("other");

    private final String key;

    InvariantSet(String key) {
        this.key = key;
    }

    /** The label used in reports. */
    public String key() {
        return key;
    }
}
