package io.github.attractor.memory.classical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.error.InvalidInputException;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class DenseAssociativeMemoryTest {

    static final List<Interaction> ALL = List.of(Interaction.polynomial(2), Interaction.polynomial(3),
            Interaction.polynomial(4), Interaction.rectifiedPolynomial(3), Interaction.rectifiedPolynomial(6),
            Interaction.exponential());

    @Test
    void differenceIsFOfRPlusOneMinusFOfRMinusOne() {
        for (Interaction f : ALL) {
            for (int r = -30; r <= 30; r++) {
                double direct = f.value(r + 1) - f.value(r - 1);
                assertEquals(direct, f.difference(r), 1e-13 * Math.max(1, Math.abs(direct)), f.name() + " r=" + r);
            }
            assertEquals(f.value(2.5) - f.value(0.5), f.difference(1.5), 1e-13 * Math.abs(f.value(2.5)));
        }
        // where the direct difference loses digits the binomial form does not: (r+1)^5 - (r-1)^5 = 10r^4 + 20r^2 + 2
        double r = 1e5;
        assertEquals(10 * Math.pow(r, 4) + 20 * r * r + 2, Interaction.polynomial(5).difference(r), 1e-15 * 1e21);
    }

    @Test
    void quadraticInteractionIsTheClassicalNetwork() {
        // F(x) = x²: Σ_μ ξ^μ_i D(r_μ) = 4 Σ_μ ξ^μ_i r_μ = 4N (W s)_i, the Hebbian field with zero diagonal
        SplittableRandom rng = new SplittableRandom(8);
        DMatrixRMaj xi = Spins.random(12, 80, rng);
        DenseAssociativeMemory dam = new DenseAssociativeMemory(xi, Interaction.polynomial(2));
        BinaryHopfield hop = BinaryHopfield.hebbian(xi);
        for (int t = 0; t < 5; t++) {
            double[] s0 = Spins.row(Spins.random(1, 80, rng), 0);
            long seed = rng.nextLong();
            SpinRun a = dam.runAsynchronous(s0, new SplittableRandom(seed), 100);
            SpinRun b = hop.runAsynchronous(s0, new SplittableRandom(seed), 100);
            assertArrayEquals(b.state(), a.state(), 0.0);
            assertEquals(b.sweeps(), a.sweeps());
        }
    }

    @Property(tries = 20)
    void everySingleUpdateDoesNotIncreaseTheEnergy(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 0, max = 5) int which) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = 40;
        Interaction f = ALL.get(which);
        DenseAssociativeMemory dam = new DenseAssociativeMemory(Spins.random(1 + rng.nextInt(60), n, rng), f);
        double[] s = Spins.row(Spins.random(1, n, rng), 0);
        double e = dam.energy(s);
        for (int k = 0; k < 10 * n; k++) {
            dam.updateUnit(s, rng.nextInt(n));
            double next = dam.energy(s);
            assertTrue(next <= e + 1e-12 * Math.abs(e), () -> f.name() + ": energy went up");
            e = next;
        }
        SpinRun run = dam.runAsynchronous(s, rng, 1000);
        assertTrue(run.converged());
        assertTrue(dam.isFixedPoint(run.state()));
        for (int k = 1; k < run.energies().length; k++) {
            assertTrue(run.energies()[k] <= run.energies()[k - 1] + 1e-12 * Math.abs(run.energies()[k - 1]));
        }
    }

    static double retrievalFraction(int n, int p, Interaction f, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        DMatrixRMaj xi = Spins.random(p, n, rng);
        DenseAssociativeMemory dam = f == null ? null : new DenseAssociativeMemory(xi, f);
        BinaryHopfield hop = BinaryHopfield.hebbian(xi);
        int ok = 0;
        for (int mu = 0; mu < p; mu++) {
            double[] cue = BinaryHopfieldTest.flip(Spins.row(xi, mu), n / 10, rng);
            SpinRun run = dam == null ? hop.runAsynchronous(cue, rng, 200) : dam.runAsynchronous(cue, rng, 200);
            if (Spins.overlap(xi, mu, run.state()) >= 0.95) {
                ok++;
            }
        }
        return (double) ok / p;
    }

    @Test
    void cubicInteractionStoresThirtyPatternsInAHundredNeuronsWhereTheClassicalNetworkFails() {
        for (long seed = 1; seed <= 3; seed++) {
            double classical = retrievalFraction(100, 30, null, seed);
            double cubic = retrievalFraction(100, 30, Interaction.polynomial(3), seed);
            double rectified = retrievalFraction(100, 30, Interaction.rectifiedPolynomial(3), seed);
            double exp = retrievalFraction(100, 30, Interaction.exponential(), seed);
            assertTrue(classical < 0.5, "classical " + classical);
            assertEquals(1.0, cubic, 0.0, "cubic");
            assertEquals(1.0, rectified, 0.0, "rectified cubic");
            assertEquals(1.0, exp, 0.0, "exponential");
        }
    }

    @Test
    void exponentialWorksWhereExpOfTheOverlapsOverflows() {
        // N = 2000: overlaps near 2000, e^2000 overflows, the scaled update does not
        SplittableRandom rng = new SplittableRandom(5);
        DMatrixRMaj xi = Spins.random(40, 2000, rng);
        DenseAssociativeMemory dam = new DenseAssociativeMemory(xi, Interaction.exponential());
        double[] cue = BinaryHopfieldTest.flip(Spins.row(xi, 3), 600, rng);
        SpinRun run = dam.runAsynchronous(cue, rng, 20);
        assertTrue(run.converged());
        assertEquals(1.0, dam.overlap(3, run.state()), 0.0);
        assertTrue(dam.isFixedPoint(Spins.row(xi, 3)));
    }

    @Test
    void badInputIsRefused() {
        assertThrows(InvalidInputException.class, () -> Interaction.polynomial(0));
        assertThrows(InvalidInputException.class, () -> new Interaction(Interaction.Kind.EXPONENTIAL, 2));
        assertThrows(InvalidInputException.class,
                () -> new DenseAssociativeMemory(new DMatrixRMaj(new double[][] {{1, 2}}), Interaction.exponential()));
        DenseAssociativeMemory dam = new DenseAssociativeMemory(new DMatrixRMaj(new double[][] {{1, -1}}),
                Interaction.polynomial(3));
        assertThrows(InvalidInputException.class, () -> dam.updateUnit(new double[] {0, 1}, 0));
    }
}
