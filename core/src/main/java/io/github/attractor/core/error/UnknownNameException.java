package io.github.attractor.core.error;

/** Invalid input: a name (Lagrangian, method, reproduction…) is not one of the known ones. */
public class UnknownNameException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public UnknownNameException(String message) {
        super(message);
    }
}
