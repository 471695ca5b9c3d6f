package io.github.attractor.learn.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.error.ShapeMismatchException;
import io.github.attractor.core.error.UnknownNameException;
import io.github.attractor.learn.tape.GradCheck;
import io.github.attractor.learn.tape.Node;
import io.github.attractor.learn.tape.Tape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LayersTest {

    @Test
    void linearComputesXWPlusB() {
        Linear l = new Linear("l", 3, 2, true, Init.XAVIER_UNIFORM, new SplittableRandom(1));
        double[] w = l.weight().value();
        l.bias().value()[0] = 0.25;
        l.bias().value()[1] = -1.0;
        double[] x = {1, 2, 3, -1, 0.5, 2};
        double[] y = l.forward(new Tape().constant(x, 2, 3)).value();
        for (int r = 0; r < 2; r++) {
            for (int j = 0; j < 2; j++) {
                double s = l.bias().value()[j];
                for (int k = 0; k < 3; k++) {
                    s += x[r * 3 + k] * w[k * 2 + j];
                }
                assertEquals(s, y[r * 2 + j], 1e-15);
            }
        }
        assertThrows(ShapeMismatchException.class, () -> l.forward(new Tape().constant(new double[4], 2, 2)));
    }

    @Test
    void mlpGradientsMatchFiniteDifferencesForEveryActivation() {
        SplittableRandom rng = new SplittableRandom(2);
        double[] x = GradCheck.random(rng, 5 * 3, 1.5, 0.05);
        double[] target = GradCheck.random(rng, 5 * 4, 1.0, 0.0);
        for (Activation act : Activation.values()) {
            Mlp mlp = new Mlp("m", new int[] {3, 6, 5, 4}, act, 7);
            GradCheck.checkParameters("mlp " + act, t -> {
                Node y = mlp.forward(t.constant(x, 5, 3));
                return y.sub(t.constant(target, 5, 4)).square().mean();
            }, mlp.parameters());
            // and with respect to the input
            GradCheck.check("mlp input " + act, (t, in) -> mlp.forward(in[0]), new double[][] {x.clone()},
                    new int[][] {{5, 3}});
        }
    }

    @Test
    void mlpIsSeededAndNamesItsParameters() {
        Mlp a = new Mlp("ps", new int[] {2, 8, 4}, Activation.TANH, 3);
        Mlp b = new Mlp("ps", new int[] {2, 8, 4}, Activation.TANH, 3);
        Mlp c = new Mlp("ps", new int[] {2, 8, 4}, Activation.TANH, 4);
        assertArrayEquals(a.parameters().get(0).value(), b.parameters().get(0).value(), 0.0);
        assertNotEquals(a.parameters().get(0).value()[0], c.parameters().get(0).value()[0]);
        assertEquals("ps.0.weight", a.parameters().get(0).name());
        assertEquals("ps.1.bias", a.parameters().get(3).name());
        assertArrayEquals(new int[] {8, 4}, a.parameters().get(2).shape());
        // a batch of matrices per sample, as ELCD uses it: [B, d*d] -> [B, d, d]
        Node y = a.forward(new Tape().constant(new double[10], 5, 2)).reshape(5, 2, 2);
        assertArrayEquals(new int[] {5, 2, 2}, y.shape());
        assertEquals(Activation.ELU, Activation.of("elu"));
        assertThrows(UnknownNameException.class, () -> Activation.of("swish"));
    }

    @Test
    void initialisationsHaveTheirVarianceAndBounds() {
        int fanIn = 64;
        int fanOut = 128;
        int n = 200_000;
        double[] w = new double[n];
        Object[][] cases = {
            {Init.XAVIER_UNIFORM, 2.0 / (fanIn + fanOut), Math.sqrt(6.0 / (fanIn + fanOut))},
            {Init.XAVIER_NORMAL, 2.0 / (fanIn + fanOut), Double.POSITIVE_INFINITY},
            {Init.KAIMING_UNIFORM, 2.0 / fanIn, Math.sqrt(6.0 / fanIn)},
            {Init.KAIMING_NORMAL, 2.0 / fanIn, Double.POSITIVE_INFINITY},
        };
        for (Object[] c : cases) {
            Init init = (Init) c[0];
            init.fill(w, fanIn, fanOut, new SplittableRandom(12));
            double mean = 0;
            double var = 0;
            double max = 0;
            for (double v : w) {
                mean += v / n;
                var += v * v / n;
                max = Math.max(max, Math.abs(v));
            }
            double expected = (double) c[1];
            assertEquals(expected, var, 0.02 * expected, init + " variance");
            assertEquals(0.0, mean, 0.01 * Math.sqrt(expected), init + " mean");
            assertTrue(max <= (double) c[2], init + " bound");
            double[] again = new double[n];
            init.fill(again, fanIn, fanOut, new SplittableRandom(12));
            assertArrayEquals(w, again, 0.0, init + " is seeded");
        }
        Init.ZEROS.fill(w, 1, 1, new SplittableRandom(1));
        assertEquals(0.0, java.util.Arrays.stream(w).map(Math::abs).max().orElseThrow(), 0.0);
    }
}
