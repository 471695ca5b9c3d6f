package io.github.attractor.core.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.error.NonConvergenceException;
import io.github.attractor.core.field.DiscreteMap;
import io.github.attractor.core.field.VectorField;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FixedPointSolversTest {

    /** Duffing-like field dx = y, dy = x - x³ - y: equilibria (0,0) saddle, (±1,0) stable foci. */
    static final VectorField DUFFING = new VectorField() {
        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public void evaluate(double t, double[] x, double[] out) {
            out[0] = x[1];
            out[1] = x[0] - x[0] * x[0] * x[0] - x[1];
        }
    };

    @Test
    void newtonFindsAndClassifiesEquilibria() {
        NewtonSolver newton = new NewtonSolver(SolverSettings.defaults());
        FixedPoint p = newton.solve(DUFFING, new double[] {0.8, 0.3});
        assertEquals(1, p.x()[0], 1e-12);
        assertEquals(0, p.x()[1], 1e-12);
        assertTrue(p.residual() <= 1e-10);
        assertEquals(Verdict.STABLE, p.verdict());
        // Jacobian [[0,1],[-2,-1]]: eigenvalues -1/2 ± i √7/2.
        assertEquals(-0.5, p.spectrum().maxRealPart(), 1e-9);
        FixedPoint saddle = newton.solve(DUFFING, new double[] {0.1, -0.05});
        assertEquals(0, saddle.x()[0], 1e-12);
        assertEquals(Verdict.UNSTABLE, saddle.verdict());
    }

    @Test
    void multiStartDeduplicates() {
        List<double[]> starts = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 60; i++) {
            starts.add(new double[] {2 * rng.nextGaussian(), 2 * rng.nextGaussian()});
        }
        MultiStart.Result r = MultiStart.find(DUFFING, starts, new NewtonSolver(SolverSettings.defaults()), 1e-8);
        assertEquals(3, r.points().size());
        assertEquals(60, r.starts());
        long stable = r.points().stream().filter(p -> p.verdict() == Verdict.STABLE).count();
        assertEquals(2, stable);
    }

    @Test
    void newtonReportsNonConvergence() {
        VectorField noRoot = new VectorField() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public void evaluate(double t, double[] x, double[] out) {
                out[0] = x[0] * x[0] + 1;
            }
        };
        NonConvergenceException e = assertThrows(NonConvergenceException.class,
                () -> new NewtonSolver(SolverSettings.defaults()).solve(noRoot, new double[] {0.5}));
        assertEquals(1, e.exitCode());
    }

    @Test
    void andersonSolvesTheCosineFixedPoint() {
        DiscreteMap cos = new DiscreteMap() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public void apply(double[] x, double[] out) {
                out[0] = Math.cos(x[0]);
            }
        };
        FixedPoint p = new AndersonAcceleration(SolverSettings.defaults()).solve(cos, new double[] {1});
        assertEquals(0.7390851332151607, p.x()[0], 1e-10);
        assertEquals(Verdict.STABLE, p.verdict());
    }

    @Test
    void andersonBeatsPicardOnASlowLinearContraction() {
        int n = 40;
        SplittableRandom rng = new SplittableRandom(5);
        double[] rates = new double[n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            rates[i] = 0.5 + 0.49 * rng.nextDouble();
            c[i] = rng.nextGaussian();
        }
        DiscreteMap map = new DiscreteMap() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public void apply(double[] x, double[] out) {
                for (int i = 0; i < n; i++) {
                    out[i] = rates[i] * x[i] + c[i];
                }
            }
        };
        FixedPoint p = new AndersonAcceleration(new SolverSettings(1e-10, 5000, 0x1p-20, 10, 1e-8)).solve(map,
                new double[n]);
        for (int i = 0; i < n; i++) {
            assertEquals(c[i] / (1 - rates[i]), p.x()[i], 1e-8);
        }
        // Picard needs log(1e-10 / r0) / log(0.99) ≈ 2500+ iterations; Anderson far fewer.
        assertTrue(p.iterations() < 300, "Anderson took " + p.iterations());
        assertEquals(Verdict.STABLE, p.verdict());
    }

    @Test
    void andersonReportsNonConvergence() {
        DiscreteMap shift = new DiscreteMap() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public void apply(double[] x, double[] out) {
                out[0] = x[0] + 1;
            }
        };
        assertThrows(NonConvergenceException.class,
                () -> new AndersonAcceleration(SolverSettings.defaults().withMaxIterations(50)).solve(shift,
                        new double[] {0}));
    }
}
