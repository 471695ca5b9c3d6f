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
