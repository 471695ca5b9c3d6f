package io.github.attractor.cli.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.attractor.analysis.deadneurons.DeadNeuronReport;
import io.github.attractor.analysis.stability.RestrictedStability;
import io.github.attractor.analysis.stability.SteadyStateRecovery;
import io.github.attractor.cli.io.Inputs;
import io.github.attractor.cli.io.Json;
import io.github.attractor.cli.io.NetworkOptions;
import io.github.attractor.core.error.Require;
import io.github.attractor.core.linalg.Eigen;
import io.github.attractor.core.linalg.Spectrum;
import io.github.attractor.core.ode.Integrator;
import io.github.attractor.core.ode.Trajectory;
import io.github.attractor.memory.hopfield.KrotovHopfield;
import io.github.attractor.memory.network.Network;
import java.util.concurrent.Callable;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code attractor analyze dead-neurons}. */
@Command(name = "dead-neurons", mixinStandardHelpOptions = true,
        description = "Dead neurons at a state (Definition, Prop. 1): directions V with g(y + Vc) = g(y), the "
                + "variation of energy (4), E2, E3 and (14) along them, and the restricted stability matrix "
                + "S = W_perp Lambda_perp - I of Prop. 4. Without --state, the network is first run to a steady state of (1).",
        footer = {"", "Examples:", "  attractor analyze dead-neurons --example wta --state 1,-1",
                "  attractor analyze dead-neurons --network net.json --y0 y0.npy --c-max 5"})
public final class DeadNeuronsCommand implements Callable<Integer> {
    @Mixin
    NetworkOptions networkOptions;

    @Mixin
    IntegrationOptions integration;

    @Option(names = "--state", paramLabel = "FILE|VECTOR", description = "Analyse at this state y.")
    String state;

    @Option(names = "--y0", paramLabel = "FILE|VECTOR",
            description = "Start of the simulation to a steady state (default: N(0,1) from --seed).")
    String y0;

    @Option(names = "--c-max", defaultValue = "10", description = "Length of the path y + Vc (default: ${DEFAULT-VALUE}).")
    double cMax;

    @Option(names = "--rank-tol", defaultValue = "1e-10",
            description = "Relative tolerance for the null space of Lambda (default: ${DEFAULT-VALUE}).")
    double rankTol;

    @Override
    public Integer call() {
        Network net = networkOptions.network();
        Require.that(cMax > 0, "--c-max must be positive, got " + cMax);
        ObjectNode root = Json.object();
        double[] y;
        if (state != null) {
            y = Require.length("--state", Inputs.vector("--state", state), net.size());
        } else {
            double[] start = networkOptions.initialState(y0, net.size(), 1.0);
            Trajectory tr = new Integrator(integration.settings()).integrate(KrotovHopfield.unchecked(net), start, 0,
                    integration.tEnd);
            y = tr.finalState();
            root.put("simulated_to", tr.stopReason().name().toLowerCase(java.util.Locale.ROOT));
            root.put("t_final", tr.finalTime());
        }
        root.set("state", Json.array(y));
        root.put("residual", SteadyStateRecovery.residual(net, y));
        DeadNeuronReport rep = DeadNeuronReport.analyze(net, y, rankTol, cMax, 200, networkOptions.seed);
        root.put("k", rep.k());
        root.set("directions", Json.matrix(rep.directions().basis()));
        root.put("confirmation_error", rep.directions().confirmationError());
        ObjectNode var = root.putObject("energy_variation_along_dead_directions");
        var.put("E4", Json.num(rep.e4Variation()));
        var.put("E2", Json.num(rep.e2Variation()));
        var.put("E3", Json.num(rep.e3Variation()));
        var.put("E14", Json.num(rep.e14Variation()));
        RestrictedStability rs = RestrictedStability.at(net, y, rankTol, 1e-9);
        ObjectNode st = root.putObject("restricted_stability");
        st.put("dimension", rs.s().numRows);
        st.set("eigenvalues_real", Json.array(rs.spectrum().real()));
        st.set("eigenvalues_imag", Json.array(rs.spectrum().imag()));
        st.put("verdict", rs.verdict().label());
        DMatrixRMaj jac = new DMatrixRMaj(net.size(), net.size());
        KrotovHopfield.unchecked(net).jacobian(0, y, jac);
        Spectrum js = Eigen.eigenvalues(jac);
        st.set("jacobian_eigenvalues_real", Json.array(js.real()));
        st.set("jacobian_eigenvalues_imag", Json.array(js.imag()));
        System.out.println(Json.write(root));
        return 0;
    }
}
