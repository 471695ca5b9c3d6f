package io.github.attractor.memory.lagrangian;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The Legendre terms where the naive {@code yᵀg - L} cancels, held against independent references: the
 * identity {@code d/dy (yᵀg - L) = yᵀΛ} integrated by Simpson's rule from a known limit, and series.
 */
class LegendreAccuracyTest {

    @Test
    void sigmoidLegendreMatchesTheIntegralOfYTimesLambdaInTheTail() {
        // legendre(y) = -∫_y^∞ u σ'(u) du, since the term tends to 0 as y -> ∞
        SoftplusLagrangian l = new SoftplusLagrangian();
        for (double y : new double[] {0, 0.5, 2, 5, 10, 20, 30, 35}) {
            double tail = -LagrangianCases.simpson(u -> u * SoftplusLagrangian.sigmoidDerivative(u), y, y + 70,
                    140_000);
            assertEquals(tail, l.legendre(new double[] {y}), 1e-10 * Math.abs(tail), "y = " + y);
            assertEquals(tail, l.legendre(new double[] {-y}), 1e-10 * Math.abs(tail), "y = " + -y);
        }
        assertEquals(-Math.log(2), l.legendre(new double[] {0}), 1e-16);
    }

    @Test
    void tanhLegendreMatchesItsSeriesNearZeroAndTheIntegralElsewhere() {
        LogCoshLagrangian l = new LogCoshLagrangian();
        for (double y : new double[] {1e-8, -1e-5, 1e-3, -2e-3}) {
            double series = y * y / 2 - Math.pow(y, 4) / 4 + Math.pow(y, 6) / 9 - 17 * Math.pow(y, 8) / 360;
            assertEquals(series, l.legendre(new double[] {y}), 2e-15 * series, "y = " + y);
        }
        // legendre(y) = ∫_0^y u (1 - tanh² u) du
        for (double y : new double[] {0.1, 0.49, 0.51, 1, 3, 8, -12}) {
            double integral = LagrangianCases.simpson(u -> u * LogCoshLagrangian.tanhDerivative(u), 0, y, 100_000);
            assertEquals(integral, l.legendre(new double[] {y}), 1e-12 * Math.abs(integral), "y = " + y);
        }
        assertEquals(Math.log(2), l.legendre(new double[] {25}), 0.0);
    }

    @Test
    void softmaxLegendreIsTheScaledNegativeEntropy() {
        double beta = 2;
        LogSumExpLagrangian l = new LogSumExpLagrangian(beta);
        double[] y = {1e5, 1e5 - 10, 1e5 - 10.5, 1e5 - 400};
        double[] z = {0, -10, -10.5, -400};
        // p_0 = 1/(1 + r) with r = Σ_{i>0} e^{β z_i} ~ 2e-9: p_0 log p_0 = -log1p(r)/(1 + r) must not come from
        // log(p_0) of a rounded p_0, which would keep only about 7 digits
        double r = 0;
        for (int i = 1; i < z.length; i++) {
            r += Math.exp(beta * z[i]);
        }
        double expect = -Math.log1p(r) / (1 + r);
        for (int i = 1; i < z.length; i++) {
            double p = Math.exp(beta * z[i]) / (1 + r);
            if (p > 0) {
                expect += p * (beta * z[i] - Math.log1p(r));
            }
        }
        expect /= beta;
        assertEquals(expect, l.legendre(y), 1e-12 * Math.abs(expect));
        assertEquals(0.0, l.legendre(new double[] {3.5}), 0.0);
        assertEquals(-Math.log(4) / beta, l.legendre(new double[] {7, 7, 7, 7}), 1e-15);
    }

    @Test
    void layerNormLegendreIsTheClosedForm() {
        LayerNormLagrangian l = new LayerNormLagrangian(1.5, 0.2, 1e-3);
        double[] y = {1e4 + 0.01, 1e4 - 0.02, 1e4 + 0.01};
        double v = (0.01 * 0.01 * 2 + 0.02 * 0.02) / 3;
        double expect = -3 * 1.5 * 1e-3 / Math.sqrt(v + 1e-3);
        assertEquals(expect, l.legendre(y), 1e-10 * Math.abs(expect));
    }
}
