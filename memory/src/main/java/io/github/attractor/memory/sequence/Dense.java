package io.github.attractor.memory.sequence;

import org.ejml.data.DMatrixRMaj;

/** Matrix-vector products on row-major matrices with caller-owned outputs. */
final class Dense {
    private Dense() {
    }

    /** {@code out = A x} (A is m×n). */
    static void mult(DMatrixRMaj a, double[] x, double[] out) {
        int m = a.numRows;
        int n = a.numCols;
        double[] d = a.data;
        for (int i = 0; i < m; i++) {
            double acc = 0;
            int row = i * n;
            for (int j = 0; j < n; j++) {
                acc += d[row + j] * x[j];
            }
            out[i] = acc;
        }
    }

    /** {@code out = Aᵀ x} (A is m×n, out has length n). */
    static void multTransposed(DMatrixRMaj a, double[] x, double[] out) {
        int m = a.numRows;
        int n = a.numCols;
        double[] d = a.data;
        java.util.Arrays.fill(out, 0, n, 0.0);
        for (int i = 0; i < m; i++) {
            double xi = x[i];
            int row = i * n;
            for (int j = 0; j < n; j++) {
                out[j] += d[row + j] * xi;
            }
        }
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
