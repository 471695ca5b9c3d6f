package io.github.attractor.core.linalg;

import io.github.attractor.core.error.NonConvergenceException;
import java.util.Arrays;
import java.util.Comparator;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Eigenvalues of real square matrices, computed by EJML (Hessenberg reduction and shifted QR iteration for
 * general matrices, tridiagonal reduction and symmetric QR for symmetric ones).
 *
 * <ul>
 *   <li>{@link #eigenvalues}: all roots of {@code det(A - lambda I) = 0}, complex ones as conjugate pairs,
 *       sorted by decreasing real part (ties: decreasing imaginary part).</li>
 *   <li>{@link #symmetric}: {@code S = V diag(lambda) V^T}, {@code V^T V = I}, eigenvalues ascending.</li>
 *   <li>{@link #minSymmetric} / {@link #maxSymmetric}: {@code lambda_min(S) = min_{|x|=1} x^T S x} and
 *       {@code lambda_max(S) = max_{|x|=1} x^T S x} (Rayleigh quotient extremes).</li>
 * </ul>
 * A matrix counts as symmetric when {@code |s_ij - s_ji| <= 1e-9 max(1, max|s|)}; its exact symmetric
 * part {@code (S + S^T)/2} is then decomposed. Inputs are never modified.
 */
public final class Eigen {
    private Eigen() {
    }

    /** All n eigenvalues of a general square matrix, sorted by decreasing real part then imaginary part. */
    public static Spectrum eigenvalues(DMatrixRMaj a) {
        Checks.squareFinite("eigenvalues: matrix", a);
        int n = a.numRows;
        if (n == 0) {
            return new Spectrum(new double[0], new double[0]);
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, false);
        if (!eig.decompose(a.copy())) {
            throw new NonConvergenceException("eigenvalues: QR iteration did not converge for a " + n + "x" + n
                    + " matrix");
        }
        double[][] pairs = new double[n][];
        for (int k = 0; k < n; k++) {
            Complex_F64 c = eig.getEigenvalue(k);
            pairs[k] = new double[] {c.real, c.imaginary};
        }
        Arrays.sort(pairs, Comparator.<double[]>comparingDouble(p -> -p[0]).thenComparingDouble(p -> -p[1]));
        double[] re = new double[n];
        double[] im = new double[n];
        for (int k = 0; k < n; k++) {
            re[k] = pairs[k][0];
            im[k] = pairs[k][1];
        }
        return new Spectrum(re, im);
    }

    /** {@code S = V diag(lambda) V^T} with ascending eigenvalues and orthonormal eigenvector columns. */
    public static SymmetricEigen symmetric(DMatrixRMaj a) {
        Checks.symmetricFinite("symmetric eigen: matrix", a);
        int n = a.numRows;
        if (n == 0) {
            return new SymmetricEigen(new double[0], new DMatrixRMaj(0, 0));
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(Checks.symmetricPart(a))) {
            throw new NonConvergenceException("symmetric eigen: QR iteration did not converge for a " + n + "x"
                    + n + " matrix");
        }
        Integer[] order = new Integer[n];
        double[] raw = new double[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
            raw[k] = eig.getEigenvalue(k).real;
        }
        Arrays.sort(order, Comparator.comparingDouble(k -> raw[k]));
        double[] values = new double[n];
        DMatrixRMaj vectors = new DMatrixRMaj(n, n);
        for (int c = 0; c < n; c++) {
            int k = order[c];
            values[c] = raw[k];
            DMatrixRMaj v = eig.getEigenVector(k);
            if (v == null) {
                throw new NonConvergenceException("symmetric eigen: no eigenvector returned for eigenvalue "
                        + raw[k]);
            }
            for (int i = 0; i < n; i++) {
                vectors.unsafe_set(i, c, v.get(i));
            }
        }
        return new SymmetricEigen(values, vectors);
    }

    /** Smallest eigenvalue of a symmetric matrix. */
    public static double minSymmetric(DMatrixRMaj a) {
        double[] v = symmetricValues("minSymmetric: matrix", a);
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            m = Math.min(m, x);
        }
        return m;
    }

    /** Largest eigenvalue of a symmetric matrix. */
    public static double maxSymmetric(DMatrixRMaj a) {
        double[] v = symmetricValues("maxSymmetric: matrix", a);
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    /** Eigenvalues (unsorted) of a symmetric matrix, checked. */
    private static double[] symmetricValues(String what, DMatrixRMaj a) {
        Checks.symmetricFinite(what, a);
        return symmetricValuesUnchecked(Checks.symmetricPart(a), what);
    }

    /** Eigenvalues of an exactly symmetric matrix that the caller owns (it may be overwritten). */
    static double[] symmetricValuesUnchecked(DMatrixRMaj s, String what) {
        int n = s.numRows;
        if (n == 1) {
            return new double[] {s.get(0, 0)};
        }
        if (n == 0) {
            return new double[0];
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        if (!eig.decompose(s)) {
            throw new NonConvergenceException(what + ": symmetric QR iteration did not converge for a " + n + "x"
                    + n + " matrix");
        }
        double[] values = new double[n];
        for (int k = 0; k < n; k++) {
            values[k] = eig.getEigenvalue(k).real;
        }
        return values;
    }
}
