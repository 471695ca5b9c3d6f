package io.github.attractor.data.rosenbrock;

import io.github.attractor.core.field.VectorField;

/**
 * The Riemannian gradient descent dynamics (4.24) of the generalised Rosenbrock function,
 * <pre>
 *   ẋ = -G(x)⁻¹ ∇f(x),     G(x) = Dψ(x)ᵀ Dψ(x),
 * </pre>
 * with ψ and f of {@link GeneralizedRosenbrock}. {@link #evaluate} computes it as printed, without
 * simplification: {@code G⁻¹∇f = Dψ⁻¹ (Dψ⁻ᵀ ∇f)}, a backward then a forward substitution with the
 * bidiagonal Dψ (never forming G, whose condition number is that of Dψ squared).
 *
 * <p>Consequences used by the tests and the generator: since {@code ∇f = 2 Dψᵀ ψ}, the field is
 * {@code ẋ = -2 Dψ(x)⁻¹ ψ(x)}, hence {@code d/dt ψ(x(t)) = Dψ ẋ = -2 ψ} and
 * <pre>
 *   ψ(x(t)) = e^{-2t} ψ(x(0)),
 * </pre>
 * an exact solution through the inverse of ψ (forward substitution). In ψ-coordinates the flow is the
 * linear contraction {@code ż = -2z}, which is why it is contracting in the metric G. Note that the λ_i
 * cancel: every choice of weights gives the same vector field (they change f and G, not the flow).
 * Autonomous; thread-safe.
 */
public final class RiemannianRosenbrockFlow implements VectorField {
    private final GeneralizedRosenbrock f;

    public RiemannianRosenbrockFlow(GeneralizedRosenbrock f) {
        this.f = f;
    }

    public GeneralizedRosenbrock function() {
        return f;
    }

    @Override
    public int dimension() {
        return f.dimension();
    }

    @Override
    public void evaluate(double t, double[] x, double[] out) {
        int n = x.length;
        double[] g = new double[n];
        f.gradient(x, g);
        double[] diag = new double[n];
        double[] sub = new double[n];
        f.psiJacobian(x, diag, sub);
        // Dψᵀ y = g: Dψᵀ is upper bidiagonal with (Dψᵀ)_{i,i+1} = sub[i+1]; back substitution.
        double[] y = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double r = g[i];
            if (i + 1 < n) {
                r -= sub[i + 1] * y[i + 1];
            }
            y[i] = r / diag[i];
        }
        // Dψ z = y: forward substitution; ẋ = -z.
        double prev = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - (i > 0 ? sub[i] * prev : 0);
            prev = r / diag[i];
            out[i] = -prev;
        }
    }

    /**
     * The exact solution {@code x(t) = ψ⁻¹(e^{-2t} ψ(x0))}: {@code x_1 = 1 - z_1/√λ_1},
     * {@code x_i = z_i/√λ_i + x_{i-1}²}.
     */
    public double[] exactSolution(double[] x0, double t) {
        double[] z = f.psi(x0);
        double decay = Math.exp(-2 * t);
        double[] lambda = f.weights();
        double[] x = new double[z.length];
        x[0] = 1 - decay * z[0] / Math.sqrt(lambda[0]);
        for (int i = 1; i < z.length; i++) {
            x[i] = decay * z[i] / Math.sqrt(lambda[i]) + x[i - 1] * x[i - 1];
        }
        return x;
    }
}
