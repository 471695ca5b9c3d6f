package io.github.attractor.cli.commands;

import io.github.attractor.core.energy.EnergyModel;
import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.UnknownNameException;
import io.github.attractor.memory.hopfield.KrotovHopfield;
import io.github.attractor.memory.modified.LyapunovFamily;
import io.github.attractor.memory.modified.ModifiedDynamics;
import io.github.attractor.memory.modified.Preconditioner;
import io.github.attractor.memory.modified.Preconditioners;
import io.github.attractor.memory.modified.ResidualDynamics;
import io.github.attractor.memory.network.Network;
import picocli.CommandLine.Option;

/** Which dynamics to run on a network: (1)/(4), (9) with an R and an energy, or (13)/(14). */
public final class DynamicsOptions {
    @Option(names = "--dynamics", defaultValue = "original",
            description = "original: (1) dy/dt = W g(y) - y + b with energy (4); modified: (9) du/dt = R(u)(g(Wu+b) - u) "
                    + "with an energy of Proposition 5; residual: (13)/(14) (default: ${DEFAULT-VALUE}).")
    String dynamics;

    @Option(names = "--R", paramLabel = "CHOICE",
            description = "R of the modified dynamics: weights (R=W), polar (R=O, F=OP), lyapunov (RW+WR=I), "
                    + "residual-jacobian (R=I-W^T Lambda), hessian (R=Lambda). Default: residual-jacobian.")
    String r;

    @Option(names = "--energy", paramLabel = "E",
            description = "Energy of the modified dynamics: E1, E2, E3, or weights alpha,beta,gamma for "
                    + "alpha E1 + beta E2 + gamma E3 (S = I). Default: the one matching --R.")
    String energy;

    @Option(names = "--printed-R",
            description = "Residual dynamics: use R = I - W Lambda as printed under eq. (14) instead of R = I - Lambda W^T.")
    boolean printedR;

    /** A short description of the chosen dynamics. */
    String describe(EnergyModel m) {
        if (m instanceof ModifiedDynamics md) {
            return "modified (9), " + md.preconditioner().name() + ", energy " + md.family().label();
        }
        if (m instanceof ResidualDynamics rd) {
            return "residual (13), R = " + (rd.choice() == ResidualDynamics.Choice.TRANSPOSED ? "I - Lambda W^T"
                    : "I - W Lambda (as printed)") + ", energy (14)";
        }
        return "original (1), energy (4)";
    }

    boolean isModified() {
        return dynamics.equals("modified");
    }

    EnergyModel build(Network net) {
        return switch (dynamics) {
            case "original" -> {
                rejectModifiedOptions();
                yield KrotovHopfield.of(net);
            }
            case "residual" -> {
                rejectModifiedOptions();
                yield new ResidualDynamics(net,
                        printedR ? ResidualDynamics.Choice.AS_PRINTED : ResidualDynamics.Choice.TRANSPOSED, null);
            }
            case "modified" -> {
                String choice = r == null ? "residual-jacobian" : r;
                Preconditioner pre = switch (choice) {
                    case "weights" -> Preconditioners.weights();
                    case "polar" -> Preconditioners.polar();
                    case "lyapunov" -> Preconditioners.lyapunov(net, null);
                    case "residual-jacobian" -> Preconditioners.residualJacobian();
                    case "hessian" -> Preconditioners.hessian();
                    default -> throw new UnknownNameException("--R: unknown choice '" + choice
                            + "'; known: weights, polar, lyapunov, residual-jacobian, hessian");
                };
                yield new ModifiedDynamics(net, family(choice, net), pre);
            }
            default -> throw new UnknownNameException("--dynamics: unknown '" + dynamics
                    + "'; known: original, modified, residual");
        };
    }

    private void rejectModifiedOptions() {
        if (r != null || energy != null) {
            throw new InvalidInputException("--R and --energy apply to --dynamics modified only");
        }
    }

    private LyapunovFamily family(String choice, Network net) {
        if (energy == null) {
            return switch (choice) {
                case "weights", "lyapunov" -> LyapunovFamily.e2();
                case "polar" -> net.isSymmetric(1e-12) ? LyapunovFamily.of(1, 1, 1, null) : LyapunovFamily.e3();
                default -> LyapunovFamily.e3();
            };
        }
        switch (energy.toUpperCase(java.util.Locale.ROOT)) {
            case "E1":
                return LyapunovFamily.e1();
            case "E2":
                return LyapunovFamily.e2();
            case "E3":
                return LyapunovFamily.e3();
            default:
                String[] parts = energy.split(",");
                if (parts.length != 3) {
                    throw new InvalidInputException("--energy: expected E1, E2, E3 or alpha,beta,gamma, got '" + energy + "'");
                }
                try {
                    return LyapunovFamily.of(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
                            Double.parseDouble(parts[2]), null);
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("--energy: '" + energy + "' is not three numbers alpha,beta,gamma");
                }
        }
    }
}
