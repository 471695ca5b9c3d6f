package io.github.attractor.data.pendulum;

import io.github.attractor.core.error.InvalidInputException;
import java.util.Arrays;

/**
 * Physical parameters of an n-link planar pendulum of point masses on massless rods: masses
 * {@code m_1..m_n} (kg), rod lengths {@code l_1..l_n} (m), gravity {@code g} (m/s²) and the viscous
 * damping coefficient {@code c} of the torque {@code -c ω_i} acting on every absolute angular velocity.
 *
 * @param masses  m_i > 0
 * @param lengths l_i > 0, as many as masses
 * @param gravity g ≥ 0
 * @param damping c ≥ 0
 */
public record PendulumParameters(double[] masses, double[] lengths, double gravity, double damping) {

    /** Gravity of the reference data, 9.81 m/s². */
    public static final double GRAVITY = 9.81;
    /** Damping coefficient of the reference data, 0.3. */
    public static final double DAMPING = 0.3;

    /** Validates and copies. */
    public PendulumParameters {
        masses = masses.clone();
        lengths = lengths.clone();
        if (masses.length == 0 || masses.length != lengths.length) {
            throw new InvalidInputException("pendulum: need one length per mass, got " + masses.length + " masses and "
                    + lengths.length + " lengths");
        }
        for (int i = 0; i < masses.length; i++) {
            if (!(masses[i] > 0) || !(lengths[i] > 0) || !Double.isFinite(masses[i]) || !Double.isFinite(lengths[i])) {
                throw new InvalidInputException("pendulum: link " + (i + 1) + " has mass " + masses[i] + " and length "
                        + lengths[i] + "; both must be positive and finite");
            }
        }
        if (!(gravity >= 0) || !Double.isFinite(gravity) || !(damping >= 0) || !Double.isFinite(damping)) {
            throw new InvalidInputException("pendulum: gravity " + gravity + " and damping " + damping
                    + " must be finite and non-negative");
        }
    }

    /**
     * The parameters of the ELCD reference data for {@code n} links: {@code m_i = 1}, {@code l_i = 1},
     * {@code g = 9.81}, {@code c = 0.3}.
     */
    public static PendulumParameters standard(int n) {
        if (n < 1) {
            throw new InvalidInputException("pendulum: the number of links must be at least 1, got " + n);
        }
        double[] ones = new double[n];
        Arrays.fill(ones, 1.0);
        return new PendulumParameters(ones, ones, GRAVITY, DAMPING);
    }

    /** Number of links n. */
    public int links() {
        return masses.length;
    }

    @Override
    public double[] masses() {
        return masses.clone();
    }

    @Override
    public double[] lengths() {
        return lengths.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PendulumParameters p && Arrays.equals(masses, p.masses) && Arrays.equals(lengths, p.lengths)
                && gravity == p.gravity && damping == p.damping;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(masses) * 31 + Arrays.hashCode(lengths) + Double.hashCode(gravity) * 7
                + Double.hashCode(damping);
    }

    @Override
    public String toString() {
        return "PendulumParameters[m=" + Arrays.toString(masses) + ", l=" + Arrays.toString(lengths) + ", g=" + gravity
                + ", c=" + damping + "]";
    }
}
