package io.github.attractor.learn.optim;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.learn.tape.Parameter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * A first-order optimizer over a fixed list of {@link Parameter}s: {@link #step()} applies one update
 * {@code θ ← θ − η_t u_t(∇θ)} with the learning rate {@code η_t} of its {@link LearningRateSchedule} and the
 * gradients accumulated in the parameters, then advances {@code t}. Gradients are not cleared by the step;
 * call {@link #zeroGrad()} before the next backward pass.
 */
public abstract class Optimizer {
    protected final List<Parameter> params;
    private LearningRateSchedule schedule;
    private long t;

    protected Optimizer(List<Parameter> params, LearningRateSchedule schedule) {
        if (params.isEmpty()) {
            throw new InvalidInputException("optimizer: no parameters");
        }
        HashSet<Parameter> seen = new HashSet<>();
        for (Parameter p : params) {
            if (!seen.add(p)) {
                throw new InvalidInputException("optimizer: parameter " + p.name() + " listed twice");
            }
        }
        this.params = List.copyOf(new ArrayList<>(params));
        this.schedule = schedule;
    }

    /** One update with the current gradients; returns the learning rate used. */
    public final double step() {
        double lr = schedule.rate(t);
        t++;
        update(lr, t);
        return lr;
    }

    /** Applies the update of step number {@code t} (1-based) with learning rate {@code lr}. */
    protected abstract void update(double lr, long t);

    /** Sets every parameter's gradient to zero. */
    public void zeroGrad() {
        for (Parameter p : params) {
            p.zeroGrad();
        }
    }

    /** Number of steps taken. */
    public long steps() {
        return t;
    }

    public LearningRateSchedule schedule() {
        return schedule;
    }

    public void schedule(LearningRateSchedule s) {
        this.schedule = s;
    }

    public List<Parameter> parameters() {
        return params;
    }

    static void check(String name, double v, double lo, double hi) {
        if (!(v >= lo && v <= hi)) {
            throw new InvalidInputException(name + ": must be in [" + lo + ", " + hi + "], got " + v);
        }
    }
}
