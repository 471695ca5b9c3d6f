package io.github.attractor.cli.io;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.Require;
import io.github.attractor.data.array.NdArray;
import io.github.attractor.data.csv.CsvMatrix;
import io.github.attractor.data.npy.Npy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;

/**
 * Matrices and vectors from an option value: a file ({@code .npy}, {@code .csv}, {@code .txt}) or an
 * inline literal — entries separated by commas, matrix rows by semicolons ({@code "0,1;1,0"}).
 */
public final class Inputs {
    private Inputs() {
    }

    /** Whether the value names a file we can read rather than a literal. */
    static boolean looksLikeFile(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        return v.endsWith(".npy") || v.endsWith(".csv") || v.endsWith(".txt") || Files.exists(Path.of(value));
    }

    /** A matrix from a file or a literal; the option name prefixes every error. */
    public static DMatrixRMaj matrix(String option, String value) {
        if (looksLikeFile(value)) {
            Path p = Path.of(value);
            DMatrixRMaj m = value.toLowerCase(Locale.ROOT).endsWith(".npy") ? Npy.read(p).toMatrix() : CsvMatrix.read(p);
            return Require.finite(p.getFileName().toString(), m);
        }
        String[] rows = value.trim().split(";");
        double[][] data = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            data[i] = parseList(option, rows[i]);
            if (data[i].length != data[0].length) {
                throw new InvalidInputException(option + ": row " + (i + 1) + " has " + data[i].length
                        + " entries, row 1 has " + data[0].length);
            }
        }
        return new DMatrixRMaj(data);
    }

    /** A vector from a file or a literal. */
    public static double[] vector(String option, String value) {
        if (looksLikeFile(value)) {
            Path p = Path.of(value);
            double[] v;
            if (value.toLowerCase(Locale.ROOT).endsWith(".npy")) {
                NdArray a = Npy.read(p);
                v = a.toVector();
            } else {
                DMatrixRMaj m = CsvMatrix.read(p);
                v = m.data.clone();
                if (m.numRows != 1 && m.numCols != 1) {
                    throw new InvalidInputException(p.getFileName() + ": expected a vector, got a " + m.numRows + "x"
                            + m.numCols + " matrix");
                }
            }
            return Require.finite(p.getFileName().toString(), v);
        }
        return parseList(option, value);
    }

    private static double[] parseList(String option, String text) {
        String[] parts = text.trim().split("[,\\s]+");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i]);
            } catch (NumberFormatException e) {
                throw new InvalidInputException(option + ": '" + parts[i]
                        + "' is neither a number nor a readable file (use a .npy/.csv file or entries like 0,1;1,0)");
            }
            if (!Double.isFinite(out[i])) {
                throw new io.github.attractor.core.error.NonFiniteValueException(option + ": entry " + i + " is "
                        + out[i]);
            }
        }
        return out;
    }
}
