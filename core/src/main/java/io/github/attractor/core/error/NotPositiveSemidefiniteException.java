package io.github.attractor.core.error;

/** Invalid input: a matrix (or a Hessian class) that must be positive semidefinite is not. */
public class NotPositiveSemidefiniteException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public NotPositiveSemidefiniteException(String message) {
        super(message);
    }
}
