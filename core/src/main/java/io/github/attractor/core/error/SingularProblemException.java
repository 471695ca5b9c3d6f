package io.github.attractor.core.error;

/**
 * Failed computation: the problem posed has no unique solution because the linear operator behind it is
 * singular (for example a Lyapunov equation {@code A X + X A^T = -Q} with eigenvalues
 * {@code lambda_i + lambda_j = 0}).
 */
public class SingularProblemException extends ComputationException {
    private static final long serialVersionUID = 1L;

    public SingularProblemException(String message) {
        super(message);
    }
}
