package io.github.attractor.core.linalg;

import io.github.attractor.core.error.ShapeMismatchException;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;

/**
 * Spectral decomposition of a real symmetric matrix, {@code S = V diag(lambda) V^T} with
 * {@code V^T V = I}: {@code values} holds {@code lambda_1 <= ... <= lambda_n} in ascending order and column
 * k of {@code vectors} is the unit eigenvector {@code v_k} with {@code S v_k = lambda_k v_k}. Produced by
 * {@link Eigen#symmetric}; the components are returned as stored, not copied.
 */
public record SymmetricEigen(double[] values, DMatrixRMaj vectors) {
    /** Checks that there is one eigenvector column per eigenvalue. */
    public SymmetricEigen {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(vectors, "vectors");
        if (vectors.numCols != values.length || vectors.numRows != values.length) {
            throw new ShapeMismatchException("symmetric eigen: " + values.length + " eigenvalues but a "
                    + vectors.numRows + "x" + vectors.numCols + " eigenvector matrix");
        }
    }
}
