package io.github.attractor.learn.tape;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.ShapeMismatchException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;

/**
 * Reverse-mode automatic differentiation over dense double arrays (a Wengert list). Operations append
 * nodes in evaluation order; {@link #backward(Node)} seeds {@code ∂L/∂L = 1} and visits the nodes in reverse,
 * each applying its vector–Jacobian product {@code x̄_i += (∂y/∂x_i)^T ȳ}, so one pass yields the gradient of
 * the scalar {@code L} with respect to every {@link Parameter} and {@linkplain #variable variable}.
 *
 * <p><b>Why by hand.</b> No well-kept JVM autodiff library handles what this project needs: implicit layers
 * (fixed points, soft k-means) as custom nodes whose backward solves an adjoint linear system, on plain
 * row-major {@code double[]} arrays that the rest of the toolkit (EJML, the core kernels) shares without
 * copies, with batches of small matrices and no per-element objects. The tape is small and every op is
 * checked against central finite differences.
 *
 * <p><b>Speed.</b> Values and gradients are flat arrays drawn from a per-tape pool: {@link #reset()} returns
 * every buffer to the pool, so a training loop that calls {@code reset()} once per step allocates no arrays
 * after its first step. Nodes that depend on no parameter or variable carry no gradient and their backward
 * steps are skipped. A tape is not thread-safe; use one per thread.
 *
 * <p><b>Custom operations.</b> {@link #custom(double[], int[], Backward, Node...)} records a node with a
 * caller-computed value and a caller-supplied {@link Backward} step.
 */
public final class Tape {
    private final ArrayList<Node> nodes = new ArrayList<>();
    private final HashMap<Integer, ArrayDeque<double[]>> free = new HashMap<>();
    private final ArrayList<double[]> borrowed = new ArrayList<>();
    private boolean parameterGradients = true;
    private long allocations;

    /** A leaf that never receives a gradient; shares {@code value} (not copied). */
    public Node constant(double[] value, int... shape) {
        return leaf("constant", value, shape, false);
    }

    /** A one-element constant of shape {@code []}. */
    public Node scalar(double c) {
        double[] v = buffer(1);
        v[0] = c;
        return add(new Node(this, v, new int[0], false, null, null));
    }

    /** A leaf whose gradient is computed (read it with {@link Node#grad()}); shares {@code value}. */
    public Node variable(double[] value, int... shape) {
        return leaf("variable", value, shape, true);
    }

    /**
     * The parameter as a leaf of this tape: it shares the parameter's value and accumulates into its gradient
     * (unless {@linkplain #parameterGradients(boolean) switched off}).
     */
    public Node param(Parameter p) {
        return add(new Node(this, p.value(), p.shape(), parameterGradients, null, p));
    }

    /**
     * Whether {@link #param} leaves receive gradients (default true). Switch off for inference (rollouts) and
     * for input Jacobians, so that backward passes neither cost nor touch the parameters' gradients.
     */
    public Tape parameterGradients(boolean on) {
        this.parameterGradients = on;
        return this;
    }

    private Node leaf(String what, double[] value, int[] shape, boolean requiresGrad) {
        if (value == null) {
            throw new InvalidInputException(what + ": value must not be null");
        }
        return add(new Node(this, value, Shapes.check(what, shape, value.length), requiresGrad, null, null));
    }

    /**
     * Records a custom operation: {@code value} (of {@code shape}) was computed by the caller from the values of
     * {@code inputs}; {@code backward} adds the vector–Jacobian products into the inputs' gradients. The node
     * requires a gradient when any input does (otherwise {@code backward} is never called). Use
     * {@link #buffer(int)} for {@code value} to have it pooled.
     */
    public Node custom(double[] value, int[] shape, Backward backward, Node... inputs) {
        boolean rg = false;
        for (Node in : inputs) {
            if (in.tape != this) {
                throw new InvalidInputException("custom: an input belongs to another tape");
            }
            rg |= in.requiresGrad;
        }
        return add(new Node(this, value, Shapes.check("custom", shape, value.length), rg, rg ? backward : null, null));
    }

    /** Internal recording of an op output whose value comes from {@link #buffer}. */
    Node op(double[] value, int[] shape, boolean requiresGrad, Backward backward) {
        return add(new Node(this, value, shape, requiresGrad, requiresGrad ? backward : null, null));
    }

    private Node add(Node n) {
        nodes.add(n);
        return n;
    }

    /**
     * A pooled array of length {@code n} with unspecified content, valid until {@link #reset()}.
     */
    public double[] buffer(int n) {
        ArrayDeque<double[]> q = free.get(n);
        double[] a = q == null ? null : q.pollLast();
        if (a == null) {
            a = new double[n];
            allocations++;
        }
        borrowed.add(a);
        return a;
    }

    /** A pooled array of length {@code n} filled with zeros, valid until {@link #reset()}. */
    public double[] zeros(int n) {
        double[] a = buffer(n);
        Arrays.fill(a, 0.0);
        return a;
    }

    /** How many arrays the pool has allocated so far (constant across steps once a training loop is warm). */
    public long allocatedArrays() {
        return allocations;
    }

    /** Number of recorded nodes. */
    public int size() {
        return nodes.size();
    }

    /**
     * Forgets every node and returns all pooled buffers (values and gradients of op nodes) for reuse. Node
     * values read after this are undefined; parameters keep their values and gradients.
     */
    public void reset() {
        nodes.clear();
        for (double[] a : borrowed) {
            free.computeIfAbsent(a.length, k -> new ArrayDeque<>()).addLast(a);
        }
        borrowed.clear();
    }

    /** Backward pass from a one-element node {@code loss}: {@code ∂loss/∂loss = 1}. */
    public void backward(Node loss) {
        if (loss.size != 1) {
            throw new ShapeMismatchException("backward: loss must have one element, got shape " + Shapes.str(loss.shape)
                    + " (pass a seed for a non-scalar output)");
        }
        backward(loss, new double[] {1.0});
    }

    /**
     * Backward pass from {@code out} with the seed {@code ∂L/∂out = seed}: afterwards every node that requires
     * a gradient holds {@code seed^T ∂out/∂node} added to what it held.
     */
    public void backward(Node out, double[] seed) {
        if (out.tape != this) {
            throw new InvalidInputException("backward: node belongs to another tape");
        }
        if (seed.length != out.size) {
            throw new ShapeMismatchException("backward: seed has " + seed.length + " entries, node has " + out.size);
        }
        if (!out.requiresGrad) {
            return;
        }
        double[] g = out.grad();
        for (int i = 0; i < g.length; i++) {
            g[i] += seed[i];
        }
        int last = nodes.lastIndexOf(out);
        for (int i = last; i >= 0; i--) {
            Node n = nodes.get(i);
            if (n.backward != null && n.grad != null) {
                n.backward.propagate(n);
            }
        }
    }

    /**
     * Sets the gradients of all recorded non-parameter nodes to zero, so that another backward pass (for
     * example one row of a Jacobian) starts afresh. Parameter gradients are left alone.
     */
    public void clearGradients() {
        for (Node n : nodes) {
            if (n.grad != null && n.parameter == null) {
                Arrays.fill(n.grad, 0.0);
            }
        }
    }

    /** The recorded nodes, oldest first (read-only view), for diagnostics. */
    public List<Node> nodes() {
        return java.util.Collections.unmodifiableList(nodes);
    }
}
