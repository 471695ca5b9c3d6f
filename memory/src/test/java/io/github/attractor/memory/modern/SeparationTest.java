package io.github.attractor.memory.modern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.error.ComputationException;
import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.UnknownNameException;
import org.junit.jupiter.api.Test;

class SeparationTest {
    static final double[] S = {0.5, -1.0, 2.0, 1.5, -0.25};

    @Test
    void softmaxIsTheNormalisedExponential() {
        double beta = 1.7;
        double[] w = Separation.softmax(beta).apply(S);
        double z = 0;
        for (double v : S) {
            z += Math.exp(beta * v);
        }
        for (int i = 0; i < S.length; i++) {
            assertEquals(Math.exp(beta * S[i]) / z, w[i], 1e-15);
        }
        double[] huge = {1e6, 1e6 - 1, -1e6};
        double[] wh = Separation.softmax(1).apply(huge);
        assertEquals(1 / (1 + Math.exp(-1)), wh[0], 1e-15);
        assertEquals(0.0, wh[2], 0.0);
    }

    @Test
    void floatSoftmaxRowsMatchDouble() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        for (int n : new int[] {1, 7, 16, 63, 64, 65, 1000, 50_001}) {
            for (double beta : new double[] {0.036, 1, 50}) {
                float[] s = new float[n + 3];
                for (int i = 0; i < s.length; i++) {
                    s[i] = (float) (10 * rng.nextGaussian());
                }
                double[] ref = new double[n];
                for (int i = 0; i < n; i++) {
                    ref[i] = s[i + 3];
                }
                Separation sep = Separation.softmax(beta);
                sep.apply(ref, 0, n, ref, 0);
                float[] out = new float[n + 1];
                sep.apply(s, 3, n, out, 1);
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    max = Math.max(max, s[i + 3]);
                }
                double total = 0;
                for (int i = 0; i < n; i++) {
                    // float exponent β(s - m): its rounding, about 2^-24 |β(s - m)|, is a relative error of e^…
                    double tol = ref[i] * (2e-6 + 1.2e-7 * beta * (max - s[i + 3])) + 1e-37;
                    assertEquals(ref[i], out[i + 1], tol, "n=" + n + " beta=" + beta + " i=" + i);
                    total += out[i + 1];
                }
                assertEquals(0.0f, out[0], 0.0f);
                assertEquals(1.0, total, 1e-5);
            }
        }
    }

    @Test
    void floatRowsOfTheOtherSeparationsAreTheRoundedDoubleRows() {
        float[] s = new float[S.length];
        for (int i = 0; i < S.length; i++) {
            s[i] = (float) S[i];
        }
        double[] sd = new double[S.length];
        for (int i = 0; i < S.length; i++) {
            sd[i] = s[i];
        }
        for (Separation sep : new Separation[] {Separation.hardMax(), Separation.polynomial(3),
                Separation.rectifiedPolynomial(2)}) {
            double[] ref = sep.apply(sd);
            float[] out = new float[S.length];
            sep.apply(s, 0, S.length, out, 0);
            for (int i = 0; i < S.length; i++) {
                assertEquals((float) ref[i], out[i], 0.0f, sep.name());
            }
        }
    }

    @Test
    void hardMaxIsOneHotAtTheFirstArgmax() {
        double[] w = Separation.hardMax().apply(new double[] {1, 3, 3, 2});
        assertEquals(1.0, w[1], 0.0);
        assertEquals(0.0, w[2] + w[0] + w[3], 0.0);
        // β → ∞ limit of softmax.
        double[] soft = Separation.softmax(200).apply(S);
        double[] hard = Separation.hardMax().apply(S);
        for (int i = 0; i < S.length; i++) {
            assertEquals(hard[i], soft[i], 1e-20 + 1e-40);
        }
    }

    @Test
    void polynomialsAreNormalisedPowers() {
        for (int n = 1; n <= 6; n++) {
            double[] w = Separation.polynomial(n).apply(S);
            double[] r = Separation.rectifiedPolynomial(n).apply(S);
            double sum = 0;
            double rsum = 0;
            for (double v : S) {
                sum += Math.pow(v, n);
                rsum += Math.pow(Math.max(v, 0), n);
            }
            double total = 0;
            for (int i = 0; i < S.length; i++) {
                assertEquals(Math.pow(S[i], n) / sum, w[i], 1e-13);
                assertEquals(Math.pow(Math.max(S[i], 0), n) / rsum, r[i], 1e-13);
                assertTrue(r[i] >= 0);
                total += w[i];
            }
            assertEquals(1.0, total, 1e-13);
        }
        double[] big = Separation.polynomial(40).apply(new double[] {1e10, 2e10});
        assertEquals(1 / (1 + Math.pow(2, 40)), big[0], 1e-25);
        assertThrows(ComputationException.class, () -> Separation.rectifiedPolynomial(2).apply(new double[] {-1, 0}));
        assertThrows(ComputationException.class, () -> Separation.polynomial(1).apply(new double[] {-1, 1}));
    }

    @Test
    void parseRoundTripsAndNamesTheKnownOnes() {
        for (Separation s : new Separation[] {Separation.softmax(2.5), Separation.hardMax(), Separation.polynomial(3),
                Separation.rectifiedPolynomial(4)}) {
            assertEquals(s, Separation.parse(s.name()));
        }
        assertEquals(Separation.softmax(1), Separation.parse("softmax"));
        assertEquals(Separation.polynomial(2), Separation.parse("poly:n=2"));
        assertEquals(Separation.hardMax(), Separation.parse(" ArgMax "));
        UnknownNameException e = assertThrows(UnknownNameException.class, () -> Separation.parse("sparsemax"));
        assertTrue(e.getMessage().contains("softmax, max, polynomial, relu-polynomial"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> Separation.parse("softmax:beta=-1"));
        assertThrows(InvalidInputException.class, () -> Separation.parse("softmax:gamma=1"));
        assertThrows(InvalidInputException.class, () -> Separation.parse("polynomial"));
        assertThrows(InvalidInputException.class, () -> Separation.parse("polynomial:degree=0"));
        assertThrows(InvalidInputException.class, () -> Separation.parse("max:beta=1"));
    }
}
