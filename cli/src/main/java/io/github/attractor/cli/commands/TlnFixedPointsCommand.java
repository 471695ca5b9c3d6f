package io.github.attractor.cli.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.attractor.analysis.tln.Continuum;
import io.github.attractor.analysis.tln.SupportEnumeration;
import io.github.attractor.analysis.tln.ThresholdLinearNetwork;
import io.github.attractor.analysis.tln.TlnFixedPoint;
import io.github.attractor.cli.io.Json;
import io.github.attractor.cli.io.TlnOptions;
import io.github.attractor.core.error.Require;
import io.github.attractor.core.fixed.Verdict;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code attractor tln fixed-points}. */
@Command(name = "fixed-points", mixinStandardHelpOptions = true,
        description = "Every fixed point of dx/dt = -x + [Wx + b]+ by exact enumeration of supports: "
                + "(I - W_ss) x_s = b_s with x_s > 0 and (Wx + b)_i <= 0 off s. Each point with its support, "
                + "boundary units, residual, Jacobian eigenvalues and verdict; singular supports that carry a line "
                + "(or plane) of fixed points are reported as continua.",
        footer = {"", "Examples:", "  attractor tln fixed-points --weights W.npy --bias b.npy",
                "  attractor tln fixed-points -W \"0,-1;-1,0\" -b 1,1            # a line of fixed points",
                "  attractor tln fixed-points --graph \"0->1,1->2,2->0\" --epsilon 0.25 --delta 0.5",
                "  attractor tln fixed-points --example note-9"})
public final class TlnFixedPointsCommand implements Callable<Integer> {
    @Mixin
    TlnOptions tln;

    @Option(names = "--no-prune", description = "Visit every support (skip the sign-rule pruning).")
    boolean noPrune;

    @Option(names = "--sign-tol", defaultValue = "1e-9",
            description = "Tolerance of the sign conditions (default: ${DEFAULT-VALUE}).")
    double signTol;

    @Override
    public Integer call() {
        Require.that(signTol > 0, "--sign-tol must be positive, got " + signTol);
        ThresholdLinearNetwork net = tln.network();
        Require.that(net.dimension() <= 30, "--weights: at most 30 units can be enumerated (2^n supports), got "
                + net.dimension());
        SupportEnumeration.Result r = SupportEnumeration.enumerate(net,
                new SupportEnumeration.Settings(1e-10, signTol, !noPrune));
        System.out.println(Json.write(toJson(net, r, tln.source())));
        return 0;
    }

    /** The JSON document of an enumeration. */
    public static ObjectNode toJson(ThresholdLinearNetwork net, SupportEnumeration.Result r, String source) {
        ObjectNode root = Json.object();
        root.put("n", net.dimension());
        root.put("source", source);
        root.set("W", Json.matrix(net.weights()));
        root.set("b", Json.array(net.bias()));
        ObjectNode counts = root.putObject("counts");
        counts.put("fixed_points", r.isolated().size());
        counts.put("stable", r.isolated(Verdict.STABLE).size());
        counts.put("unstable", r.isolated(Verdict.UNSTABLE).size());
        counts.put("marginal", r.isolated(Verdict.MARGINAL).size());
        counts.put("continua", r.continua().size());
        ArrayNode pts = root.putArray("fixed_points");
        for (TlnFixedPoint p : r.fixedPoints()) {
            ObjectNode o = pts.addObject();
            o.set("x", Json.array(p.x()));
            o.set("support", Json.MAPPER.valueToTree(p.support()));
            o.set("boundary_units", Json.MAPPER.valueToTree(p.boundaryUnits()));
            o.put("residual", p.residual());
            o.put("verdict", p.verdict().label());
            o.set("eigenvalues_real", Json.array(p.spectrum().real()));
            o.set("eigenvalues_imag", Json.array(p.spectrum().imag()));
            if (p.isolated()) {
                o.putNull("on_continuum");
            } else {
                o.put("on_continuum", p.continuum());
            }
        }
        ArrayNode cs = root.putArray("continua");
        for (Continuum c : r.continua()) {
            ObjectNode o = cs.addObject();
            o.set("support", Json.MAPPER.valueToTree(c.support()));
            o.put("dimension", c.nullDimension());
            o.put("kind", c.nullDimension() == 1 ? (c.bounded() ? "segment" : "ray") : "polyhedron");
            o.put("bounded", c.bounded());
            o.set("point", Json.array(c.point()));
            if (c.direction() != null) {
                o.set("direction", Json.array(c.direction()));
            }
            if (c.start() != null) {
                o.set("start", Json.array(c.start()));
            }
            if (c.end() != null) {
                o.set("end", Json.array(c.end()));
            }
            o.put("transverse_verdict", c.transverse().label());
            o.set("eigenvalues_real", Json.array(c.spectrum().real()));
            o.set("eigenvalues_imag", Json.array(c.spectrum().imag()));
        }
        ObjectNode st = root.putObject("statistics");
        st.put("supports_visited", r.statistics().supportsVisited());
        st.put("svd_solves", r.statistics().svdSolves());
        st.put("singular_supports", r.statistics().singularSupports());
        st.put("pruned_always_off", r.statistics().forcedOff());
        st.put("pruned_always_on", r.statistics().forcedOn());
        st.put("seconds", r.statistics().seconds());
        return root;
    }
}
