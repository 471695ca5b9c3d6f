package io.github.attractor.analysis.contraction;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.UnknownNameException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;

/**
 * The weight-matrix theorems 1–5 of Kozachkov et al. by number, and {@code auto}: the applicable ones in the
 * order 2 (symmetric), 4 (triangular), 3 (product form), 1 (absolute values), 5 (singular values, searched),
 * stopping at the first that holds; all attempts are returned so a failure says why each theorem failed.
 */
public final class Theorems {
    private Theorems() {
    }

    /** One theorem's certificate: {@code "1"} … {@code "5"} (Theorem 5 with its metric search). */
    public static Certificate check(DMatrixRMaj w, double g, String theorem) {
        return switch (theorem.strip().toLowerCase(Locale.ROOT)) {
            case "1" -> AbsoluteValueRestricted.check(w, g);
            case "2" -> SymmetricWeights.check(w, g);
            case "3" -> ProductWeights.check(w);
            case "4" -> TriangularWeights.check(w, g);
            case "5" -> SingularValueRestricted.search(w, g);
            default -> throw new UnknownNameException("theorem: unknown theorem '" + theorem + "' (known: auto, 1, 2, 3, 4, 5)");
        };
    }

    /** {@code auto}: the certificates tried, the last one holding if any did. */
    public static List<Certificate> auto(DMatrixRMaj w, double g) {
        if (!(g > 0) || !Double.isFinite(g)) {
            throw new InvalidInputException("gain: the slope bound g must be finite and > 0, got " + g);
        }
        List<Certificate> tried = new ArrayList<>();
        for (String t : new String[] {"2", "4", "3", "1", "5"}) {
            Certificate c = check(w, g, t);
            tried.add(c);
            if (c.holds()) {
                break;
            }
        }
        return tried;
    }
}
