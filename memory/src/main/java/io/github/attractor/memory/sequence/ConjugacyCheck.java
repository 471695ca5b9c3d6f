package io.github.attractor.memory.sequence;

/**
 * The numerical check of the conjugacy (11), {@code h⁻¹∘g∘h = f}, over random points x.
 *
 * @param samples             number of points
 * @param maxAbsoluteError    {@code max_x ‖h⁻¹(g(h(x))) - f(x)‖∞} (infinite if some {@code g(h(x))} left h's
 *                            invertible range in floating point)
 * @param maxRelativeError    {@code max_x ‖h⁻¹(g(h(x))) - f(x)‖∞ / ‖f(x)‖∞}
 * @param maxAbsF             {@code max_x ‖f(x)‖∞}, to judge whether the points stayed in a moderate range
 * @param saturated           number of points where {@code g(h(x))} rounded to the boundary of h's range
 */
public record ConjugacyCheck(int samples, double maxAbsoluteError, double maxRelativeError, double maxAbsF,
        int saturated) {
}
