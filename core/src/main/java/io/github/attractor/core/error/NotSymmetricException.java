package io.github.attractor.core.error;

/** Invalid input: a matrix that must be symmetric is not (within tolerance). */
public class NotSymmetricException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public NotSymmetricException(String message) {
        super(message);
    }
}
