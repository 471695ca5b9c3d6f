package io.github.attractor.data.pendulum;

import io.github.attractor.core.energy.Energy;
import io.github.attractor.core.error.ShapeMismatchException;
import io.github.attractor.core.error.SingularProblemException;
import io.github.attractor.core.field.VectorField;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The damped n-link planar pendulum as a first-order system on {@code R^{2n}}, state
 * {@code x = [θ_1..θ_n, ω_1..ω_n]} with absolute angles {@code θ_i} measured from the downward vertical
 * and {@code ω_i = θ̇_i}; the equations of motion are derived from the Lagrangian.
 *
 * <p><b>Derivation.</b> Point mass {@code m_k} hangs at the end of link k (massless rod of length
 * {@code l_k}), at {@code p_k = Σ_{i≤k} l_i (sin θ_i, -cos θ_i)}, so
 * {@code ṗ_k = Σ_{i≤k} l_i ω_i (cos θ_i, sin θ_i)}. With the tail masses
 * {@code μ_k = Σ_{m≥k} m_m} (everything hanging from link k):
 * <pre>
 *   T = ½ Σ_k m_k |ṗ_k|² = ½ Σ_{i,j} M_ij(θ) ω_i ω_j,   M_ij = μ_{max(i,j)} l_i l_j cos(θ_i - θ_j),
 *   V = Σ_k m_k g (p_k)_y = -g Σ_i μ_i l_i cos θ_i,        L = T - V.
 * </pre>
 * (A pair (i, j) appears in |ṗ_k|² for every k ≥ max(i, j), whence μ_{max(i,j)}; likewise link i lifts
 * every mass from i on, whence μ_i in V.) The Euler–Lagrange equations with the generalised damping
 * force {@code Q_i = -c ω_i}, {@code d/dt ∂L/∂ω_i - ∂L/∂θ_i = Q_i}, use
 * {@code ∂T/∂ω_i = Σ_j M_ij ω_j}, whose time derivative is
 * {@code Σ_j M_ij θ̈_j - Σ_j μ_{max(i,j)} l_i l_j sin(θ_i - θ_j)(ω_i - ω_j) ω_j}, and
 * {@code ∂T/∂θ_i = -Σ_j μ_{max(i,j)} l_i l_j sin(θ_i - θ_j) ω_i ω_j}; the {@code ω_i ω_j} terms cancel and
 * <pre>
 *   M(θ) θ̈ + C(θ, ω) + G(θ) = -c ω,
 *   C_i = Σ_j μ_{max(i,j)} l_i l_j sin(θ_i - θ_j) ω_j²,     G_i = ∂V/∂θ_i = g μ_i l_i sin θ_i.
 * </pre>
 * M is the Gram matrix of the linearly independent link velocity directions weighted by positive masses,
 * hence symmetric positive definite; {@link #evaluate} solves {@code M θ̈ = -C - G - c ω} by Cholesky and
 * returns {@code ẋ = [ω, θ̈]}. For n = 1 this is {@code θ̈ = -(g/l) sin θ - c ω/(m l²)}.
 *
 * <p><b>Energy.</b> {@code E = T + V} ({@link #value}) satisfies {@code dE/dt = Σ_i Q_i ω_i = -c Σ_i ω_i²
 * ≤ 0}, so the downward rest state {@code x = 0} is the equilibrium all the data converge to.
 *
 * <p>With {@link PendulumParameters#standard} ({@code m_i = l_i = 1}, {@code g = 9.81}, {@code c = 0.3})
 * this is the system of the ELCD pendulum data ({@code elcd/pendulum/n-*.npz}); see
 * {@link PendulumDatasets}. Thread-safe: scratch space is allocated per call.
 */
public final class NLinkPendulum implements VectorField, Energy {
    private final PendulumParameters p;
    private final int n;
    private final double[] l;
    private final double[] mu;

    public NLinkPendulum(PendulumParameters parameters) {
        this.p = parameters;
        this.n = parameters.links();
        this.l = parameters.lengths();
        double[] m = parameters.masses();
        this.mu = new double[n];
        double acc = 0;
        for (int k = n - 1; k >= 0; k--) {
            acc += m[k];
            mu[k] = acc;
        }
    }

    /** The standard pendulum of the reference data with {@code n} links. */
    public static NLinkPendulum standard(int n) {
        return new NLinkPendulum(PendulumParameters.standard(n));
    }

    public PendulumParameters parameters() {
        return p;
    }

    /** Number of links n. */
    public int links() {
        return n;
    }

    @Override
    public int dimension() {
        return 2 * n;
    }

    /** The mass matrix {@code M_ij = μ_{max(i,j)} l_i l_j cos(θ_i - θ_j)} at the angles {@code θ} (length n). */
    public DMatrixRMaj massMatrix(double[] theta) {
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        fillMassMatrix(theta, m);
        return m;
    }

    private void fillMassMatrix(double[] x, DMatrixRMaj m) {
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double v = mu[j] * l[i] * l[j] * Math.cos(x[i] - x[j]);
                m.unsafe_set(i, j, v);
                m.unsafe_set(j, i, v);
            }
        }
    }

    @Override
    public void evaluate(double t, double[] x, double[] out) {
        check(x);
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        fillMassMatrix(x, m);
        DMatrixRMaj rhs = new DMatrixRMaj(n, 1);
        double g = p.gravity();
        double c = p.damping();
        for (int i = 0; i < n; i++) {
            double ci = 0;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    double w = x[n + j];
                    ci += mu[Math.max(i, j)] * l[i] * l[j] * Math.sin(x[i] - x[j]) * w * w;
                }
            }
            rhs.data[i] = -ci - g * mu[i] * l[i] * Math.sin(x[i]) - c * x[n + i];
        }
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.chol(n);
        if (!solver.setA(m)) {
            throw new SingularProblemException("pendulum: the mass matrix is not positive definite at the given angles");
        }
        DMatrixRMaj acc = new DMatrixRMaj(n, 1);
        solver.solve(rhs, acc);
        for (int i = 0; i < n; i++) {
            out[i] = x[n + i];
            out[n + i] = acc.data[i];
        }
    }

    /** Mechanical energy {@code E = ½ ωᵀ M(θ) ω - g Σ_i μ_i l_i cos θ_i}. */
    @Override
    public double value(double[] x) {
        check(x);
        double kinetic = 0;
        double potential = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                kinetic += 0.5 * mu[Math.max(i, j)] * l[i] * l[j] * Math.cos(x[i] - x[j]) * x[n + i] * x[n + j];
            }
            potential -= p.gravity() * mu[i] * l[i] * Math.cos(x[i]);
        }
        return kinetic + potential;
    }

    /**
     * {@code ∂E/∂θ_i = -Σ_j μ_{max(i,j)} l_i l_j sin(θ_i - θ_j) ω_i ω_j + g μ_i l_i sin θ_i},
     * {@code ∂E/∂ω_i = (M ω)_i}.
     */
    @Override
    public void gradient(double[] x, double[] out) {
        check(x);
        for (int i = 0; i < n; i++) {
            double dth = p.gravity() * mu[i] * l[i] * Math.sin(x[i]);
            double dom = 0;
            for (int j = 0; j < n; j++) {
                double k = mu[Math.max(i, j)] * l[i] * l[j];
                dth -= k * Math.sin(x[i] - x[j]) * x[n + i] * x[n + j];
                dom += k * Math.cos(x[i] - x[j]) * x[n + j];
            }
            out[i] = dth;
            out[n + i] = dom;
        }
    }

    private void check(double[] x) {
        if (x.length != 2 * n) {
            throw new ShapeMismatchException("pendulum: state of length " + x.length + ", expected 2n = " + 2 * n);
        }
    }
}
