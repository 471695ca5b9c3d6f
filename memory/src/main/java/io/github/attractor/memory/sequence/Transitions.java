package io.github.attractor.memory.sequence;

import io.github.attractor.core.error.Require;
import org.ejml.data.DMatrixRMaj;

/**
 * Transition matrices Φ of the sequence memory, with the note's convention that V_h receives
 * {@code Φᵀ Ξᵀ V_d} (eq. (1)): pattern μ is followed by the patterns ν with {@code (Φᵀ)_{νμ} = Φ_{μν} ≠ 0}.
 */
public final class Transitions {
    private Transitions() {
    }

    /**
     * The shift: {@code Φᵀ e_μ = e_{μ+1}}, i.e. {@code Φ_{μ,μ+1} = 1}, so pattern μ is followed by μ+1.
     *
     * @param n      number of patterns N_h
     * @param cyclic true: the last pattern is followed by the first ({@code Φᵀ e_{n-1} = e_0}, a permutation);
     *               false: open-ended, {@code Φᵀ e_{n-1} = 0} (the sequence stops at its last pattern, where only
     *               the self term keeps the state)
     */
    public static DMatrixRMaj shift(int n, boolean cyclic) {
        Require.that(n >= 1, "shift: need at least one pattern, got " + n);
        DMatrixRMaj phi = new DMatrixRMaj(n, n);
        for (int mu = 0; mu + 1 < n; mu++) {
            phi.set(mu, mu + 1, 1.0);
        }
        if (cyclic) {
            phi.set(n - 1, 0, phi.get(n - 1, 0) + 1.0);
        }
        return phi;
    }

    /** The index of the pattern that follows μ under the shift: {@code μ+1}, or {@code (μ+1) mod n} if cyclic. */
    public static int next(int mu, int n, boolean cyclic) {
        return cyclic ? (mu + 1) % n : Math.min(mu + 1, n - 1);
    }
}
