package io.github.attractor.data.rosenbrock;

import io.github.attractor.core.energy.Energy;
import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.ShapeMismatchException;
import java.util.Arrays;

/**
 * The generalised Rosenbrock function (4.23) on {@code R^n},
 * <pre>
 *   f(x) = λ_1 (1 - x_1)² + Σ_{i=2..n} λ_i (x_i - x_{i-1}²)²,     λ_i > 0,
 * </pre>
 * written as {@code f = |ψ(x)|²} with
 * {@code ψ(x) = (√λ_1 (1 - x_1), √λ_2 (x_2 - x_1²), …, √λ_n (x_n - x_{n-1}²))}. Its Jacobian Dψ is lower
 * bidiagonal, {@code Dψ_11 = -√λ_1}, {@code Dψ_ii = √λ_i}, {@code Dψ_{i,i-1} = -2√λ_i x_{i-1}}, with a
 * nonzero diagonal, so ψ is a diffeomorphism of {@code R^n} and {@code x* = (1, …, 1)} (ψ = 0) is the
 * unique global minimum; f is nonconvex with saddle points. The classical Rosenbrock function (4.22) is
 * n = 2, λ = (1, 100). Implements {@link Energy}: {@code ∇f = 2 Dψᵀ ψ}.
 */
public final class GeneralizedRosenbrock implements Energy {
    private final double[] lambda;
    private final double[] root;

    /** The function with weights λ (length n ≥ 1, all positive). */
    public GeneralizedRosenbrock(double[] lambda) {
        if (lambda.length == 0) {
            throw new InvalidInputException("rosenbrock: need at least one weight");
        }
        this.lambda = lambda.clone();
        this.root = new double[lambda.length];
        for (int i = 0; i < lambda.length; i++) {
            if (!(lambda[i] > 0) || !Double.isFinite(lambda[i])) {
                throw new InvalidInputException("rosenbrock: weight λ_" + (i + 1) + " = " + lambda[i]
                        + " must be positive and finite");
            }
            root[i] = Math.sqrt(lambda[i]);
        }
    }

    /** The classical weights generalised: λ_1 = 1, λ_i = 100 for i ≥ 2. */
    public static GeneralizedRosenbrock classical(int n) {
        double[] l = new double[n];
        Arrays.fill(l, 100.0);
        if (n > 0) {
            l[0] = 1.0;
        }
        return new GeneralizedRosenbrock(l);
    }

    /** n. */
    public int dimension() {
        return lambda.length;
    }

    /** The weights λ (a copy). */
    public double[] weights() {
        return lambda.clone();
    }

    /** The global minimum {@code (1, …, 1)}. */
    public double[] minimum() {
        double[] one = new double[lambda.length];
        Arrays.fill(one, 1.0);
        return one;
    }

    /** ψ(x). */
    public double[] psi(double[] x) {
        check(x);
        double[] p = new double[x.length];
        p[0] = root[0] * (1 - x[0]);
        for (int i = 1; i < x.length; i++) {
            p[i] = root[i] * (x[i] - x[i - 1] * x[i - 1]);
        }
        return p;
    }

    /**
     * The bidiagonal Jacobian Dψ(x) as two arrays: {@code diag[i] = Dψ_ii} and {@code sub[i] = Dψ_{i,i-1}}
     * ({@code sub[0] = 0}).
     */
    public void psiJacobian(double[] x, double[] diag, double[] sub) {
        check(x);
        diag[0] = -root[0];
        sub[0] = 0;
        for (int i = 1; i < x.length; i++) {
            diag[i] = root[i];
            sub[i] = -2 * root[i] * x[i - 1];
        }
    }

    /** {@code f(x) = |ψ(x)|²}. */
    @Override
    public double value(double[] x) {
        double s = 0;
        for (double p : psi(x)) {
            s += p * p;
        }
        return s;
    }

    /** {@code ∇f = 2 Dψᵀ ψ}: {@code ∂f/∂x_i = 2 (Dψ_ii ψ_i + Dψ_{i+1,i} ψ_{i+1})}. */
    @Override
    public void gradient(double[] x, double[] out) {
        int n = x.length;
        double[] p = psi(x);
        double[] diag = new double[n];
        double[] sub = new double[n];
        psiJacobian(x, diag, sub);
        for (int i = 0; i < n; i++) {
            double g = diag[i] * p[i];
            if (i + 1 < n) {
                g += sub[i + 1] * p[i + 1];
            }
            out[i] = 2 * g;
        }
    }

    void check(double[] x) {
        if (x.length != lambda.length) {
            throw new ShapeMismatchException("rosenbrock: vector of length " + x.length + ", expected " + lambda.length);
        }
    }
}
