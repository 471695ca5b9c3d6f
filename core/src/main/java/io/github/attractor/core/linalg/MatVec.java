package io.github.attractor.core.linalg;

/** Stand-in until the tuned kernel lands. */
public final class MatVec {
    private MatVec() {
    }

    public static void multiply(double[] a, int rows, int cols, double[] x, double[] y) {
        for (int i = 0; i < rows; i++) {
            double s = 0;
            for (int j = 0; j < cols; j++) {
                s += a[i * cols + j] * x[j];
            }
            y[i] = s;
        }
    }

    public static void multiplyParallel(double[] a, int rows, int cols, double[] x, double[] y) {
        multiply(a, rows, cols, x, y);
    }

    public static double dot(double[] a, double[] b, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
