package io.github.attractor.learn.tape;

import io.github.attractor.core.error.InvalidInputException;
import java.util.Arrays;

/**
 * A trainable array {@code θ} that outlives tapes: a name (unique within a model, used by model files),
 * a shape, its value and the gradient {@code ∂L/∂θ} that backward passes accumulate into. Each forward pass
 * puts it on the current tape with {@link Tape#param(Parameter)}; the leaf node shares {@link #value()} and
 * adds into {@link #grad()} directly, so no copies are made. Gradients accumulate over backward passes until
 * {@link #zeroGrad()} (usually through {@code Optimizer.zeroGrad()}).
 */
public final class Parameter {
    private final String name;
    private final int[] shape;
    private final double[] value;
    private final double[] grad;

    /** A zero-valued parameter of the given shape. */
    public Parameter(String name, int... shape) {
        this(name, new double[Shapes.size(Shapes.check(nameOrThrow(name), shape, Shapes.size(shape)))], shape);
    }

    /** A parameter that owns {@code value} (not copied). */
    public Parameter(String name, double[] value, int... shape) {
        this.name = nameOrThrow(name);
        this.shape = Shapes.check(name, shape, value.length);
        this.value = value;
        this.grad = new double[value.length];
    }

    private static String nameOrThrow(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("parameter name: must not be empty");
        }
        return name;
    }

    public String name() {
        return name;
    }

    /** Copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public int dim(int axis) {
        return shape[axis];
    }

    public int size() {
        return value.length;
    }

    /** The live value array, row-major; optimizers update it in place. */
    public double[] value() {
        return value;
    }

    /** The live gradient array, same layout as {@link #value()}. */
    public double[] grad() {
        return grad;
    }

    public void zeroGrad() {
        Arrays.fill(grad, 0.0);
    }

    @Override
    public String toString() {
        return name + Shapes.str(shape);
    }
}
