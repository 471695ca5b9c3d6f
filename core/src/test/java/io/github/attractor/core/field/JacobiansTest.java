package io.github.attractor.core.field;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class JacobiansTest {
    @Test
    void centralDifferenceMatchesAnalyticJacobian() {
        VectorField f = new VectorField() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public void evaluate(double t, double[] x, double[] out) {
                out[0] = Math.sin(x[0]) * x[1];
                out[1] = Math.exp(x[0] - x[1] * x[1]);
            }
        };
        double[] x = {0.3, -0.7};
        DMatrixRMaj j = new DMatrixRMaj(2, 2);
        f.jacobian(0, x, j);
        double e = Math.exp(x[0] - x[1] * x[1]);
        assertEquals(Math.cos(x[0]) * x[1], j.get(0, 0), 1e-9);
        assertEquals(Math.sin(x[0]), j.get(0, 1), 1e-9);
        assertEquals(e, j.get(1, 0), 1e-9);
        assertEquals(-2 * x[1] * e, j.get(1, 1), 1e-9);
        double[] g = new double[2];
        Jacobians.gradient(v -> v[0] * v[0] * v[1], x, g);
        assertEquals(2 * x[0] * x[1], g[0], 1e-9);
        assertEquals(x[0] * x[0], g[1], 1e-9);
    }
}
