package io.github.attractor.learn.flow;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.learn.tape.Node;
import io.github.attractor.learn.tape.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * Composition {@code φ = φ_L ∘ … ∘ φ_1} of invertible layers: {@code log|det Dφ(x)| = Σ_l log|det Dφ_l(x_{l−1})|}
 * (chain rule), inverse {@code φ^{-1} = φ_1^{-1} ∘ … ∘ φ_L^{-1}}.
 */
public final class Flow implements InvertibleLayer {
    private final List<InvertibleLayer> layers;
    private final int d;

    public Flow(List<? extends InvertibleLayer> layers) {
        if (layers.isEmpty()) {
            throw new InvalidInputException("flow: no layers");
        }
        this.d = layers.get(0).dimension();
        for (InvertibleLayer l : layers) {
            if (l.dimension() != d) {
                throw new InvalidInputException("flow: layer dimensions differ (" + d + " and " + l.dimension() + ")");
            }
        }
        this.layers = List.copyOf(layers);
    }

    public Flow(InvertibleLayer... layers) {
        this(List.of(layers));
    }

    public List<InvertibleLayer> layers() {
        return layers;
    }

    @Override
    public int dimension() {
        return d;
    }

    @Override
    public FlowResult forward(Node x) {
        Node h = x;
        Node logDet = null;
        for (InvertibleLayer l : layers) {
            FlowResult r = l.forward(h);
            h = r.output();
            logDet = logDet == null ? r.logDet() : logDet.add(r.logDet());
        }
        return new FlowResult(h, logDet);
    }

    @Override
    public FlowResult inverse(Node y) {
        Node h = y;
        Node logDet = null;
        for (int i = layers.size() - 1; i >= 0; i--) {
            FlowResult r = layers.get(i).inverse(h);
            h = r.output();
            logDet = logDet == null ? r.logDet() : logDet.add(r.logDet());
        }
        return new FlowResult(h, logDet);
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> ps = new ArrayList<>();
        for (InvertibleLayer l : layers) {
            ps.addAll(l.parameters());
        }
        return ps;
    }
}
