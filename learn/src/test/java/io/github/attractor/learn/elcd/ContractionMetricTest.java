package io.github.attractor.learn.elcd;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ContractionMetricTest {
    @Test
    void theMetricOfProposition433SatisfiesTheContractionConditionOnAGrid() {
        Elcd m = new Elcd(2, 8, 1.0, new double[] {0.2, -0.1}, false, 4);
        ContractionMetric cm = new ContractionMetric(m, 1e-10, 200);
        for (double a : new double[] {-1, 0.5}) {
            for (double b : new double[] {-0.7, 1}) {
                double[] x = {a, b};
                double[] l = cm.residual(x);
                double[] mx = cm.metric(x);
                // (4.14) with C = I: L = −I; (4.2) with c = 1/(2 λmax(M)): L + 2cM ≤ 0
                double dev = 0;
                for (int i = 0; i < 4; i++) {
                    dev = Math.max(dev, Math.abs(l[i] - (i % 3 == 0 ? -1 : 0)));
                }
                assertTrue(dev < 1e-5, "residual " + java.util.Arrays.toString(l));
                double lmax = ElcdTest.maxSymEig(mx, 2);
                double[] cond = new double[4];
                for (int i = 0; i < 4; i++) {
                    cond[i] = l[i] + mx[i] / lmax;
                }
                assertTrue(ElcdTest.maxSymEig(cond, 2) <= 1e-5, "(4.2) violated at " + a + "," + b);
                assertTrue(ElcdTest.maxSymEig(new double[] {-mx[0], -mx[1], -mx[2], -mx[3]}, 2) < 0, "M > 0");
            }
        }
    }
}
