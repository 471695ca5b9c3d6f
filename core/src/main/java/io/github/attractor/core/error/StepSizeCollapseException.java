package io.github.attractor.core.error;

/**
 * Failed computation: an adaptive integrator had to shrink its step below the smallest allowed one.
 * The solution blows up in finite time, the problem is too stiff for an explicit scheme, or the vector
 * field is discontinuous and the trajectory slides along a switching surface (a Filippov sliding mode,
 * e.g. ReLU networks whose dynamics depend on the Hessian Λ), where no classical solution exists.
 */
public class StepSizeCollapseException extends DivergenceException {
    private static final long serialVersionUID = 1L;

    public StepSizeCollapseException(String message) {
        super(message);
    }
}
