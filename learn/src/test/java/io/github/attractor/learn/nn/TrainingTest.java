package io.github.attractor.learn.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.learn.flow.Flow;
import io.github.attractor.learn.flow.FlowResult;
import io.github.attractor.learn.flow.LuLinear;
import io.github.attractor.learn.flow.Permutation;
import io.github.attractor.learn.flow.RationalQuadraticSpline;
import io.github.attractor.learn.flow.SplineCoupling;
import io.github.attractor.learn.io.ModelFile;
import io.github.attractor.learn.optim.Adam;
import io.github.attractor.learn.optim.GradientClipping;
import io.github.attractor.learn.tape.Node;
import io.github.attractor.learn.tape.Ops;
import io.github.attractor.learn.tape.Tape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's usage, end to end: a per-sample-matrix model and a flow trained with Adam. */
class TrainingTest {
    @TempDir
    Path dir;

    @Test
    void adamTrainsAPerSampleMatrixModelThroughAFlow() {
        // target: v ↦ A(x) v with A(x) = [[-1, x0], [-x0, -1 - x1²]]; model: MLP(φ(x)) reshaped to 2×2 per sample
        int b = 100;
        SplittableRandom rng = new SplittableRandom(1);
        double[] x = rng.doubles(2 * b, -1, 1).toArray();
        double[] v = rng.doubles(2 * b, -1, 1).toArray();
        double[] y = new double[2 * b];
        for (int i = 0; i < b; i++) {
            double x0 = x[2 * i];
            double x1 = x[2 * i + 1];
            y[2 * i] = -v[2 * i] + x0 * v[2 * i + 1];
            y[2 * i + 1] = -x0 * v[2 * i] - (1 + x1 * x1) * v[2 * i + 1];
        }
        Mlp net = new Mlp("p", new int[] {2, 32, 32, 4}, Activation.TANH, 2);
        Flow phi = new Flow(Permutation.random(2, 1), new LuLinear("lu", 2, 2), SplineCoupling.withMlp("sc", 2, false,
                new int[] {16}, Activation.TANH, new RationalQuadraticSpline(8, 3.0), 3, true));
        List<io.github.attractor.learn.tape.Parameter> params = new ArrayList<>(net.parameters());
        params.addAll(phi.parameters());
        Adam adam = new Adam(params, 3e-3);
        Tape t = new Tape();
        double first = 0;
        double last = 0;
        for (int step = 0; step < 400; step++) {
            t.reset();
            adam.zeroGrad();
            FlowResult z = phi.forward(t.constant(x, b, 2));
            Node a = net.forward(z.output()).reshape(b, 2, 2);
            Node loss = Ops.matvec(a, t.constant(v, b, 2)).sub(t.constant(y, b, 2)).square().mean();
            t.backward(loss);
            GradientClipping.byGlobalNorm(params, 10.0);
            adam.step();
            if (step == 0) {
                first = loss.item();
            }
            last = loss.item();
        }
        assertTrue(last < first / 20, "loss " + first + " -> " + last);
        ModelFile.save(dir.resolve("m.model"), "test", 1, Map.of(), params);
        ModelFile.loadInto(dir.resolve("m.model"), "test", params);
    }
}
