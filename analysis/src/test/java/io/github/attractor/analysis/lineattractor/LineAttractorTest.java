package io.github.attractor.analysis.lineattractor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.analysis.tln.SimulationCheck;
import io.github.attractor.analysis.tln.SupportEnumeration;
import io.github.attractor.analysis.tln.ThresholdLinearNetwork;
import io.github.attractor.core.linalg.Eigen;
import io.github.attractor.core.linalg.Spectrum;
import io.github.attractor.core.ode.IntegrationSettings;
import io.github.attractor.core.ode.Integrator;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class LineAttractorTest {

    @Test
    void closedFormClassifierAgreesWithTheGeneralEnumeration() {
        SplittableRandom rng = new SplittableRandom(9);
        for (int s = 0; s < 3000; s++) {
            double sigma = s % 2 == 0 ? 0.1 : 0.4;
            double[] e = {sigma * rng.nextGaussian(), sigma * rng.nextGaussian(), sigma * rng.nextGaussian(),
                    sigma * rng.nextGaussian()};
            InvariantSet fast = TwoUnitClassifier.bounded(e[0], e[1], e[2], e[3]);
            InvariantSet general = NoteExample.classify(SupportEnumeration.enumerate(
                    LineAttractor.BOUNDED.perturbed(1, e, new double[2])));
            assertEquals(general, fast, java.util.Arrays.toString(e));
            if (sigma == 0.1 && Math.max(Math.max(Math.abs(e[0]), Math.abs(e[1])), Math.max(Math.abs(e[2]), Math.abs(e[3]))) < 0.5) {
                assertEquals(fast == InvariantSet.THREE_FIXED_POINTS,
                        TwoUnitClassifier.correctedThreeFixedPointCondition(e[0], e[1], e[2], e[3]));
            }
        }
    }

    @Test
    void correctedClosedFormMatchesTheEigenvaluesAndThePrintedOneDoesNot() {
        SplittableRandom rng = new SplittableRandom(2);
        for (int s = 0; s < 200; s++) {
            double[] e = {0.3 * rng.nextGaussian(), 0.3 * rng.nextGaussian(), 0.3 * rng.nextGaussian(),
                    0.3 * rng.nextGaussian()};
            DMatrixRMaj j = LineAttractor.BOUNDED.perturbed(1, e, new double[2]).jacobianOnSupport(new int[] {0, 1});
            Spectrum num = Eigen.eigenvalues(j);
            double[] cf = ClosedForm.eigenvalues(e[0], e[1], e[2], e[3]);
            assertEquals(num.real(0), cf[0], 1e-12);
            assertEquals(num.real(1), cf[2], 1e-12);
            assertEquals(Math.abs(num.imag(0)), Math.abs(cf[1]), 1e-12);
        }
        assertArrayEquals(new double[] {0, 0, -2, 0}, ClosedForm.eigenvalues(0, 0, 0, 0), 1e-15);
        assertArrayEquals(new double[] {2, 0, 0, 0}, ClosedForm.notePrinted(0, 0, 0, 0), 1e-15);
    }

    @Test
    void theNotesExamplesAsComputedAndConfirmedBySimulation() {
        InvariantSet[] computed = new InvariantSet[4];
        int k = 0;
        for (NoteExample ex : NoteExample.all()) {
            ThresholdLinearNetwork net = ex.network(1);
            SupportEnumeration.Result r = SupportEnumeration.enumerate(net);
            computed[k++] = NoteExample.classify(r);
            SimulationCheck.Report rep = SimulationCheck.verify(net, r, -0.5, 2.5, 9, 400, 1);
            assertTrue(rep.confirmed(), ex.label() + ": " + rep.problems());
        }
        assertEquals(InvariantSet.SINGLE_FIXED_POINT, computed[0]);
        assertEquals(InvariantSet.THREE_FIXED_POINTS, computed[1]);
        // the note claims two boundary fixed points for (10) and a preserved line for (11)
        assertEquals(InvariantSet.SINGLE_BOUNDARY_FIXED_POINT, computed[2]);
        assertEquals(InvariantSet.SINGLE_FIXED_POINT, computed[3]);
        NoteExample rot = NoteExample.rotatedLine();
        SupportEnumeration.Result r = SupportEnumeration.enumerate(rot.network(1));
        assertEquals(InvariantSet.LINE, NoteExample.classify(r));
        SimulationCheck.Report rep = SimulationCheck.verify(rot.network(1), r, -0.5, 2.5, 9, 400, 1);
        assertTrue(rep.confirmed(), rep.problems().toString());
        assertTrue(rep.distinctEndsOnContinua() >= 5);
    }

    @Test
    void monteCarloFractionsAreDeterministicAndNearTheirSmallNoiseLimits() {
        PerturbationMonteCarlo.Result a = PerturbationMonteCarlo.run(LineAttractor.BOUNDED, 0.01, 200_000, 4);
        PerturbationMonteCarlo.Result b = PerturbationMonteCarlo.run(LineAttractor.BOUNDED, 0.01, 200_000, 4);
        assertEquals(a.counts(), b.counts());
        // for small ε each of the two axis conditions holds with probability 1/2, independently
        assertEquals(0.25, a.fraction(InvariantSet.SINGLE_FIXED_POINT), 0.005);
        assertEquals(0.50, a.fraction(InvariantSet.SINGLE_BOUNDARY_FIXED_POINT), 0.005);
        assertEquals(0.25, a.fraction(InvariantSet.THREE_FIXED_POINTS), 0.005);
        assertEquals(a.samples(), a.correctedConditionAgrees());
        assertTrue(a.noteConditionAgrees() < 0.9 * a.samples());
        double[] ci = a.interval(InvariantSet.THREE_FIXED_POINTS);
        assertTrue(ci[0] < a.fraction(InvariantSet.THREE_FIXED_POINTS) && a.fraction(InvariantSet.THREE_FIXED_POINTS) < ci[1]);
        PerturbationMonteCarlo.Result u = PerturbationMonteCarlo.run(LineAttractor.UNBOUNDED, 0.1, 100_000, 4);
        assertEquals(0.5, u.fraction(InvariantSet.ORIGIN_STABLE), 0.01);
        assertEquals(1.0, u.fraction(InvariantSet.ORIGIN_STABLE) + u.fraction(InvariantSet.ORIGIN_UNSTABLE), 1e-12);
    }

    @Test
    void unboundedClassificationMatchesSimulation() {
        SplittableRandom rng = new SplittableRandom(6);
        Integrator integ = new Integrator(IntegrationSettings.defaults().withRecordStates(false).withBlowUpBound(1e9));
        int checked = 0;
        while (checked < 20) {
            double[] e = {0.1 * rng.nextGaussian(), 0.1 * rng.nextGaussian(), 0.1 * rng.nextGaussian(),
                    0.1 * rng.nextGaussian()};
            double rate = TwoUnitClassifier.perronRoot(e[0], e[1], e[2], e[3]) - 1;
            if (Math.abs(rate) < 0.02) {
                continue;
            }
            checked++;
            InvariantSet t = TwoUnitClassifier.unbounded(e[0], e[1], e[2], e[3]);
            ThresholdLinearNetwork net = LineAttractor.UNBOUNDED.perturbed(1, e, new double[2]);
            double horizon = 8 / Math.abs(rate);
            for (double[] x0 : new double[][] {{1, 1}, {2, 0.5}, {-1, 2}, {1, -1}}) {
                double[] end = integ.integrate(net, x0, 0, horizon).finalState();
                double grow = Math.hypot(end[0], end[1]) / Math.hypot(x0[0], x0[1]);
                if (t == InvariantSet.ORIGIN_STABLE) {
                    assertTrue(grow < 0.01, "stable origin, growth " + grow);
                } else if (x0[0] > 0 && x0[1] > 0) {
                    assertTrue(grow > 100, "unstable origin, growth " + grow);
                }
            }
        }
    }

    @Test
    void boundedAttractorCountsClicksAndTheUnboundedOneWithThePrintedInputDoesNot() {
        ClickIntegration.Clicks clicks = ClickIntegration.poisson(1, 2, 10, 0.1, 3);
        double alpha = 0.02;
        double beta = 2;
        ClickIntegration.Run bounded = ClickIntegration.simulate(LineAttractor.BOUNDED,
                LineAttractor.inputWeights(alpha), alpha, beta, clicks, 10, 0.05, 1);
        assertTrue(bounded.maxError() < 1e-6, "error " + bounded.maxError());
        assertEquals(clicks.channel2().length - clicks.channel1().length, bounded.finalDecoded(), 1e-6);
        assertNotEquals(0, clicks.channel2().length - clicks.channel1().length);
        ClickIntegration.Run unbounded = ClickIntegration.simulate(LineAttractor.UNBOUNDED,
                LineAttractor.inputWeights(alpha), alpha, beta, clicks, 10, 0.05, -1);
        assertEquals(0, unbounded.finalDecoded(), 1e-6);
    }
}
