package io.github.attractor.learn.tape;

/**
 * The backward step of one tape node: given the node's output gradient {@code ∂L/∂y} (read with
 * {@link Node#grad()} on {@code out}), add the vector–Jacobian products {@code (∂y/∂x_i)^T ∂L/∂y} into the
 * gradients of the inputs that {@linkplain Node#requiresGrad() require one} ({@code x_i.grad()[j] += ...}).
 *
 * <p>This is the public way to add an operation to the tape ({@link Tape#custom}): an implicit layer, for
 * example a fixed point {@code x* = F(x*, θ)}, computes its value by iteration and supplies a backward step
 * that solves the adjoint equation {@code (I − ∂F/∂x)^T λ = ∂L/∂x*} and then adds {@code (∂F/∂θ)^T λ} to
 * {@code θ.grad()}, instead of differentiating through the iterations.
 */
@FunctionalInterface
public interface Backward {
    /**
     * Propagates {@code out.grad()} to the inputs of {@code out}. Must accumulate ({@code +=}), never
     * overwrite, because an input may feed several nodes.
     */
    void propagate(Node out);
}
