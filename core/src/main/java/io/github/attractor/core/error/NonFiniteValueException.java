package io.github.attractor.core.error;

/** Invalid input: an array holds NaN or an infinity. */
public class NonFiniteValueException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public NonFiniteValueException(String message) {
        super(message);
    }
}
