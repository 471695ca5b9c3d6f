package io.github.attractor.memory.lagrangian;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/** The Lagrangians every generic test runs on, with how to draw test points for each, and shared helpers. */
final class LagrangianCases {
    private LagrangianCases() {
    }

    /**
     * One Lagrangian under test. {@code kinkGap}: keep every entry at least 1e-3 away from 0 (ReLU's kink);
     * {@code saturating}: also draw entries with {@code 40 ≤ |y| ≤ 100}; {@code tiny}: also draw entries
     * with {@code |y| ≤ 1e-3} (left out for layer norm with a small ε, whose g''' ~ γ/ε^{3/2} there defeats a
     * 1e-6 finite-difference check).
     */
    record Case(Lagrangian lagrangian, boolean kinkGap, boolean saturating, boolean tiny) {
        @Override
        public String toString() {
            return lagrangian.name();
        }

        /** A random point: entries from the regimes near 0, order 1, moderately large (5–30) and saturated. */
        double[] point(Random rnd) {
            int fixed = lagrangian.fixedDimension();
            int n = fixed >= 0 ? fixed : 1 + rnd.nextInt(8);
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = entry(rnd);
            }
            return y;
        }

        private double entry(Random rnd) {
            while (true) {
                double sign = rnd.nextBoolean() ? 1 : -1;
                int regime = rnd.nextInt(4);
                double v;
                if (regime == 0) {
                    if (!tiny) {
                        continue;
                    }
                    v = sign * 1e-3 * rnd.nextDouble();
                } else if (regime == 1) {
                    v = sign * (0.05 + 3 * rnd.nextDouble());
                } else if (regime == 2) {
                    v = sign * (5 + 25 * rnd.nextDouble());
                } else {
                    if (!saturating) {
                        continue;
                    }
                    v = sign * (40 + 60 * rnd.nextDouble());
                }
                if (kinkGap && Math.abs(v) < 1e-3) {
                    continue;
                }
                return v;
            }
        }
    }

    static List<Case> all() {
        return List.of(
                new Case(new ReluLagrangian(), true, true, true),
                new Case(new SoftplusLagrangian(), false, true, true),
                new Case(new LogSumExpLagrangian(1.0), false, true, true),
                new Case(new LogSumExpLagrangian(2.5), false, false, true),
                new Case(new LogSumExpLagrangian(0.3), false, true, true),
                new Case(new LogCoshLagrangian(), false, true, true),
                new Case(new IdentityLagrangian(), false, true, true),
                new Case(new LayerNormLagrangian(1.0, 0.0, 1e-5), false, true, false),
                new Case(new LayerNormLagrangian(2.0, -0.3, 0.5), false, true, true),
                new Case(new SmoothLeakyReluLagrangian(), false, true, true),
                new Case(Lagrangians.parse("block[2*relu;3*softmax:beta=2;1*identity]"), true, false, true),
                new Case(Lagrangians.parse("block[1*sigmoid;2*tanh;3*smooth-leaky-relu]"), false, true, true),
                new Case(Lagrangians.parse("block[3*layernorm:gamma=1.5,delta=0.2,eps=0.25;2*sigmoid;2*softmax]"),
                        false, true, true));
    }

    static Stream<Case> cases() {
        return all().stream();
    }

    /** {@code |a - b| ≤ tol · max(1, |b|)}: relative for large values, absolute near 0. */
    static boolean close(double a, double b, double tol) {
        return Math.abs(a - b) <= tol * Math.max(1.0, Math.abs(b));
    }

    static double maxAbs(DMatrixRMaj m) {
        double s = 0;
        for (int i = 0; i < m.getNumElements(); i++) {
            s = Math.max(s, Math.abs(m.data[i]));
        }
        return s;
    }

    /** Smallest eigenvalue of a symmetric matrix. */
    static double minEigenvalue(DMatrixRMaj sym) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(sym.numRows, false, true);
        if (!eig.decompose(sym.copy())) {
            throw new AssertionError("eigen decomposition failed");
        }
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < sym.numRows; i++) {
            min = Math.min(min, eig.getEigenvalue(i).real);
        }
        return min;
    }

    /** Composite Simpson rule with an even number {@code n} of intervals. */
    static double simpson(java.util.function.DoubleUnaryOperator f, double a, double b, int n) {
        double h = (b - a) / n;
        double s = f.applyAsDouble(a) + f.applyAsDouble(b);
        for (int i = 1; i < n; i++) {
            s += (i % 2 == 1 ? 4 : 2) * f.applyAsDouble(a + i * h);
        }
        return s * h / 3;
    }
}
