package io.github.attractor.analysis.goe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.attractor.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class GoeStabilizationTest {
    @Test
    void restrictedNormShrinksLikeSqrtOfTheAliveFraction() {
        GoeStabilization.Result r = GoeStabilization.run(150, 50, 12, 7);
        assertEquals(Math.sqrt(1 - 50.0 / 150), r.predicted(), 1e-15);
        assertEquals(r.predicted(), r.ratio(), 0.04 * r.predicted());
        // The GOE spectral edge is at 2 sqrt(N) for off-diagonal variance 1.
        assertEquals(2 * Math.sqrt(150), r.meanNorm(), 0.08 * 2 * Math.sqrt(150));
        assertEquals(GoeStabilization.run(150, 50, 12, 7).ratio(), r.ratio(), 0.0, "seeded runs repeat exactly");
    }

    @Test
    void rejectsImpossibleSizes() {
        assertThrows(InvalidInputException.class, () -> GoeStabilization.run(10, 10, 5, 1));
        assertThrows(InvalidInputException.class, () -> GoeStabilization.run(10, 2, 0, 1));
    }
}
