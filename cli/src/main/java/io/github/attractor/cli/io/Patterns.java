package io.github.attractor.cli.io;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.Require;
import io.github.attractor.data.csv.CsvMatrix;
import io.github.attractor.data.idx.Idx;
import io.github.attractor.data.npy.Npy;
import java.nio.file.Path;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;

/**
 * Pattern matrices (one pattern per row) from a file: {@code .npy} (2-D), {@code .csv}/{@code .txt}, or IDX
 * (MNIST; plain or gzipped, recognised by content; images are flattened and scaled to [0, 1]).
 */
public final class Patterns {
    private Patterns() {
    }

    /** Rows of the file, at most {@code limit} of them ({@code limit <= 0}: all). */
    public static DMatrixRMaj read(String option, Path file, int limit) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        DMatrixRMaj m;
        if (name.endsWith(".npy")) {
            m = Npy.read(file).toMatrix(option + " " + file.getFileName());
        } else if (name.endsWith(".csv") || name.endsWith(".txt")) {
            m = CsvMatrix.read(file);
        } else {
            m = Idx.readImages(file).toMatrix();
        }
        Require.finite(file.getFileName().toString(), m);
        if (m.numRows == 0 || m.numCols == 0) {
            throw new InvalidInputException(option + " " + file.getFileName() + ": no patterns in the file");
        }
        if (limit > 0 && limit < m.numRows) {
            DMatrixRMaj head = new DMatrixRMaj(limit, m.numCols);
            System.arraycopy(m.data, 0, head.data, 0, limit * m.numCols);
            return head;
        }
        return m;
    }
}
