package io.github.attractor.learn.tape;

import io.github.attractor.core.error.InvalidInputException;
import java.util.Arrays;

/**
 * One value on a {@link Tape}: a dense row-major {@code double[]} with a shape of rank 0 to 3 (scalar,
 * vector, matrix, or batch {@code [batch, rows, cols]}), the gradient {@code ∂L/∂node} of the same layout
 * (allocated on first use), and the {@link Backward} step that propagates that gradient to the node's inputs.
 *
 * <p>The fluent methods ({@code x.matmul(w).add(b).tanh()}) are shorthands for the operations of
 * {@link Ops}; their semantics and equations are documented there.
 *
 * <p>Arrays are not copied: {@link #value()} of an operation's output lives in the tape's buffer pool and is
 * valid until {@link Tape#reset()}; a {@link Tape#constant} or {@link Tape#variable} shares the caller's array.
 */
public final class Node {
    final Tape tape;
    final int[] shape;
    final int size;
    final double[] value;
    double[] grad;
    final boolean requiresGrad;
    final Backward backward;
    final Parameter parameter;
    boolean ownsGrad;

    Node(Tape tape, double[] value, int[] shape, boolean requiresGrad, Backward backward, Parameter parameter) {
        this.tape = tape;
        this.value = value;
        this.shape = shape;
        this.size = value.length;
        this.requiresGrad = requiresGrad;
        this.backward = backward;
        this.parameter = parameter;
        if (parameter != null && requiresGrad) {
            this.grad = parameter.grad();
        }
    }

    /** The tape this node belongs to. */
    public Tape tape() {
        return tape;
    }

    /** The value array (row-major, length {@link #size()}); do not modify values of recorded nodes. */
    public double[] value() {
        return value;
    }

    /**
     * The gradient array {@code ∂L/∂node}, allocated as zeros on first call. Custom backward steps read the
     * output's gradient with it and add into the inputs' gradients with it.
     *
     * @throws IllegalStateException if the node does not require a gradient
     */
    public double[] grad() {
        if (!requiresGrad) {
            throw new IllegalStateException("node " + Shapes.str(shape) + " does not require a gradient");
        }
        if (grad == null) {
            grad = tape.zeros(size);
            ownsGrad = true;
        }
        return grad;
    }

    /** Whether a backward pass reached this node (its gradient has been allocated). */
    public boolean hasGrad() {
        return grad != null;
    }

    /** Whether the node depends on a parameter or variable, so that backward passes compute its gradient. */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** Copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    /** Dimension {@code axis}; negative axes count from the end ({@code -1} is the last). */
    public int dim(int axis) {
        return shape[axis < 0 ? shape.length + axis : axis];
    }

    public int size() {
        return size;
    }

    /** The single value of a one-element node. */
    public double item() {
        if (size != 1) {
            throw new InvalidInputException("item: node has shape " + Shapes.str(shape) + ", not one element");
        }
        return value[0];
    }

    @Override
    public String toString() {
        return "Node" + Shapes.str(shape) + (size <= 8 ? Arrays.toString(value) : "");
    }

    // ---- fluent shorthands for Ops -------------------------------------------------------------------

    public Node add(Node b) {
        return Ops.add(this, b);
    }

    public Node sub(Node b) {
        return Ops.sub(this, b);
    }

    public Node mul(Node b) {
        return Ops.mul(this, b);
    }

    public Node div(Node b) {
        return Ops.div(this, b);
    }

    public Node plus(double c) {
        return Ops.plus(this, c);
    }

    public Node scale(double c) {
        return Ops.scale(this, c);
    }

    public Node neg() {
        return Ops.neg(this);
    }

    public Node tanh() {
        return Ops.tanh(this);
    }

    public Node relu() {
        return Ops.relu(this);
    }

    public Node elu(double alpha) {
        return Ops.elu(this, alpha);
    }

    public Node softplus() {
        return Ops.softplus(this);
    }

    public Node sigmoid() {
        return Ops.sigmoid(this);
    }

    public Node exp() {
        return Ops.exp(this);
    }

    public Node log() {
        return Ops.log(this);
    }

    public Node sqrt() {
        return Ops.sqrt(this);
    }

    public Node square() {
        return Ops.square(this);
    }

    public Node abs() {
        return Ops.abs(this);
    }

    public Node matmul(Node b) {
        return Ops.matmul(this, b);
    }

    public Node transpose() {
        return Ops.transpose(this);
    }

    public Node sum() {
        return Ops.sum(this);
    }

    public Node sum(int axis) {
        return Ops.sum(this, axis);
    }

    public Node mean() {
        return Ops.mean(this);
    }

    public Node mean(int axis) {
        return Ops.mean(this, axis);
    }

    public Node softmax() {
        return Ops.softmax(this);
    }

    public Node logSumExp() {
        return Ops.logSumExp(this);
    }

    public Node cumsum() {
        return Ops.cumsum(this);
    }

    public Node reshape(int... newShape) {
        return Ops.reshape(this, newShape);
    }

    public Node slice(int axis, int from, int to) {
        return Ops.slice(this, axis, from, to);
    }
}
