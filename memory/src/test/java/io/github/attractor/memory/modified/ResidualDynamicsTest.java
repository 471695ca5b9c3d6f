package io.github.attractor.memory.modified;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.field.Jacobians;
import io.github.attractor.core.linalg.RandomMatrices;
import io.github.attractor.memory.lagrangian.Lagrangians;
import io.github.attractor.memory.lagrangian.ReluLagrangian;
import io.github.attractor.memory.network.Network;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class ResidualDynamicsTest {
    static final String[] LAGS = {"relu", "sigmoid", "softmax", "tanh", "identity", "layernorm", "smooth-leaky-relu"};

    static double rate(ResidualDynamics d, double[] y) {
        int n = y.length;
        double[] f = new double[n];
        double[] g = new double[n];
        d.evaluate(0, y, f);
        d.energy().gradient(y, g);
        double r = 0;
        for (int i = 0; i < n; i++) {
            r += f[i] * g[i];
        }
        return r;
    }

    /** With R = I - ΛWᵀ, energy (14) never increases, for any W (here non-symmetric) and Lagrangian. */
    @Property(tries = 80)
    void transposedChoiceDescends(@ForAll @IntRange(min = 0, max = 6) int lag,
            @ForAll @LongRange(min = 1, max = 100_000) long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = 7;
        double[] b = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = rng.nextGaussian();
            y[i] = 2 * rng.nextGaussian();
        }
        Network net = new Network(RandomMatrices.gaussian(n, n, rng), b, Lagrangians.parse(LAGS[lag]));
        ResidualDynamics d = new ResidualDynamics(net, ResidualDynamics.Choice.TRANSPOSED, null);
        assertTrue(rate(d, y) <= 1e-10, "dE/dt = " + rate(d, y));
        double[] grad = new double[n];
        double[] fd = new double[n];
        d.energy().gradient(y, grad);
        if (!LAGS[lag].equals("relu")) {
            Jacobians.gradient(d.energy()::value, y, fd);
            for (int i = 0; i < n; i++) {
                assertEquals(fd[i], grad[i], 1e-5 * Math.max(1, Math.abs(fd[i])));
            }
        }
    }

    /**
     * The R printed under eq. (14), {@code R = I - WΛ}, gives {@code dE/dt = -hᵀ(I - WΛ)²h}, which is not sign
     * definite: for W = [[0, 1.5], [1.5, 0]], ReLU, y = (1, -1) (neuron 2 dead) and b chosen so that h = (1, 1),
     * {@code dE/dt = -(1 - 3 + 1) = +1}.
     */
    @Test
    void printedChoiceCanIncreaseTheEnergy() {
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{0, 1.5}, {1.5, 0}});
        double[] y = {1, -1};
        // h = W g(y) - y + b with g(y) = (1, 0): W g = (0, 1.5); b = h + y - W g = (1 + 1 - 0, 1 - 1 - 1.5).
        double[] b = {2, -1.5};
        Network net = new Network(w, b, new ReluLagrangian());
        ResidualDynamics printed = new ResidualDynamics(net, ResidualDynamics.Choice.AS_PRINTED, null);
        ResidualDynamics fixed = new ResidualDynamics(net, ResidualDynamics.Choice.TRANSPOSED, null);
        double[] h = new double[2];
        printed.residual(y, h);
        assertEquals(1, h[0], 1e-15);
        assertEquals(1, h[1], 1e-15);
        assertEquals(1.0, rate(printed, y), 1e-12);
        assertTrue(rate(fixed, y) < 0);
    }
}
