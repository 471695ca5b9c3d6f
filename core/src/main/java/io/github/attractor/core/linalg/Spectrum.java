package io.github.attractor.core.linalg;

import io.github.attractor.core.error.Require;
import io.github.attractor.core.error.ShapeMismatchException;
import java.util.Arrays;

/**
 * The eigenvalues {@code lambda_k = re_k + i im_k} ({@code k = 0..n-1}) of a real n×n matrix, stored as two
 * parallel arrays of real and imaginary parts. Complex eigenvalues of a real matrix come in conjugate pairs
 * {@code re ± i im}.
 *
 * <p>Derived quantities: the spectral abscissa {@code alpha(A) = max_k re_k} ({@link #maxRealPart()}), its
 * counterpart {@code min_k re_k} ({@link #minRealPart()}) and the spectral radius
 * {@code rho(A) = max_k |lambda_k| = max_k sqrt(re_k^2 + im_k^2)} ({@link #spectralRadius()}). For an empty
 * spectrum (a 0×0 matrix) these are the conventional {@code -inf}, {@code +inf} and {@code 0}.
 *
 * <p>The arrays are copied on the way in and on the way out, so an instance is immutable.
 */
public final class Spectrum {
    private final double[] real;
    private final double[] imag;

    /** Eigenvalues {@code real[k] + i imag[k]}; both arrays must have the same length and finite entries. */
    public Spectrum(double[] real, double[] imag) {
        if (real.length != imag.length) {
            throw new ShapeMismatchException("spectrum: " + real.length + " real parts but " + imag.length
                    + " imaginary parts");
        }
        this.real = Require.finite("spectrum real parts", real.clone());
        this.imag = Require.finite("spectrum imaginary parts", imag.clone());
    }

    /** Real parts {@code re_k} (a copy). */
    public double[] real() {
        return real.clone();
    }

    /** Imaginary parts {@code im_k} (a copy). */
    public double[] imag() {
        return imag.clone();
    }

    /** Number of eigenvalues n (counted with multiplicity). */
    public int size() {
        return real.length;
    }

    /** Real part of eigenvalue k. */
    public double real(int k) {
        return real[k];
    }

    /** Imaginary part of eigenvalue k. */
    public double imag(int k) {
        return imag[k];
    }

    /** Spectral abscissa {@code max_k Re lambda_k} ({@code -inf} when empty). */
    public double maxRealPart() {
        double m = Double.NEGATIVE_INFINITY;
        for (double r : real) {
            m = Math.max(m, r);
        }
        return m;
    }

    /** {@code min_k Re lambda_k} ({@code +inf} when empty). */
    public double minRealPart() {
        double m = Double.POSITIVE_INFINITY;
        for (double r : real) {
            m = Math.min(m, r);
        }
        return m;
    }

    /** Spectral radius {@code max_k |lambda_k|} ({@code 0} when empty). */
    public double spectralRadius() {
        double m = 0.0;
        for (int k = 0; k < real.length; k++) {
            m = Math.max(m, Math.hypot(real[k], imag[k]));
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Spectrum s && Arrays.equals(real, s.real) && Arrays.equals(imag, s.imag);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(real) + Arrays.hashCode(imag);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Spectrum[");
        for (int k = 0; k < real.length; k++) {
            if (k > 0) {
                sb.append(", ");
            }
            sb.append(real[k]);
            if (imag[k] != 0.0) {
                sb.append(imag[k] < 0 ? " - " : " + ").append(Math.abs(imag[k])).append('i');
            }
        }
        return sb.append(']').toString();
    }
}
