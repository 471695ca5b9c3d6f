package io.github.attractor.cli.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.attractor.analysis.contraction.Certificate;
import io.github.attractor.cli.io.Json;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Command;

/** {@code attractor contraction}: contraction certificates of the RNN τẋ = -x + Wφ(x) + u (Kozachkov et al.). */
@Command(name = "contraction", mixinStandardHelpOptions = true,
        description = "Contraction certificates of the RNN tau dx/dt = -x + W phi(x) + u(t), 0 <= phi' <= g "
                + "(Theorems 1-5 of Kozachkov et al.), random Theorem-1 modules, and networks of networks.",
        subcommands = {ContractionCheckCommand.class, SampleModulesCommand.class, CombineCommand.class},
        footer = {"", "Examples:", "  attractor contraction check --weights W.npy --gain 1",
                "  attractor contraction check --weights '0,-1;1,0' --theorem 5",
                "  attractor contraction sample-modules --units 16 --density 0.4 --scale 0.4 --samples 100000",
                "  attractor contraction combine --sample 22 --units 16 --out W.npy --coupling-out L.npy"})
public final class ContractionCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** A certificate as JSON: holds, theorem, rate, margin, reason, and the metric (its diagonal when diagonal). */
    static ObjectNode json(Certificate c) {
        ObjectNode o = Json.object();
        o.put("theorem", c.theorem());
        o.put("holds", c.holds());
        o.put("rate", Json.num(c.rate()));
        o.put("margin", Json.num(c.margin()));
        o.put("reason", c.reason());
        DMatrixRMaj m = c.metric();
        if (m == null) {
            o.putNull("metric");
        } else if (c.diagonalMetric()) {
            double[] d = new double[m.numRows];
            for (int i = 0; i < d.length; i++) {
                d[i] = m.get(i, i);
            }
            o.set("metric_diagonal", Json.array(d));
        } else {
            o.set("metric", Json.matrix(m));
        }
        return o;
    }
}
