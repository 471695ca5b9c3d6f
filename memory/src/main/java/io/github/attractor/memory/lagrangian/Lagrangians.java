package io.github.attractor.memory.lagrangian;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.UnknownNameException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The registry of Lagrangians by name. A spec is {@code name} or {@code name:key=value,key=value}:
 * <ul>
 *   <li>{@code relu} — {@link ReluLagrangian}</li>
 *   <li>{@code sigmoid} (alias {@code softplus}) — {@link SoftplusLagrangian}</li>
 *   <li>{@code softmax:beta=1} (alias {@code logsumexp}) — {@link LogSumExpLagrangian}; beta defaults to 1</li>
 *   <li>{@code tanh} (alias {@code logcosh}) — {@link LogCoshLagrangian}</li>
 *   <li>{@code identity} (alias {@code linear}) — {@link IdentityLagrangian}</li>
 *   <li>{@code layernorm:gamma=1,delta=0,eps=1e-5} — {@link LayerNormLagrangian}; those are the defaults</li>
 *   <li>{@code smooth-leaky-relu} — {@link SmoothLeakyReluLagrangian}</li>
 *   <li>{@code block[3*relu;4*softmax:beta=2]} — {@link BlockLagrangian} of the listed {@code size*spec}
 *       parts (nesting allowed)</li>
 * </ul>
 * Names and keys are case-insensitive and surrounding blanks are ignored. {@link Lagrangian#name()} of
 * every Lagrangian here parses back to an equal one.
 */
public final class Lagrangians {

    private static final List<String> NAMES = List.of(ReluLagrangian.NAME, SoftplusLagrangian.NAME,
            LogSumExpLagrangian.NAME, LogCoshLagrangian.NAME, IdentityLagrangian.NAME, LayerNormLagrangian.NAME,
            SmoothLeakyReluLagrangian.NAME);

    private static final Map<String, String> ALIASES = Map.of("softplus", SoftplusLagrangian.NAME, "logsumexp",
            LogSumExpLagrangian.NAME, "logcosh", LogCoshLagrangian.NAME, "linear", IdentityLagrangian.NAME);

    private static final String BLOCK_PREFIX = "block[";

    private Lagrangians() {
    }

    /** The canonical registry names, in a fixed order (aliases and the {@code block[…]} form not included). */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * The Lagrangian a spec names. Throws {@link UnknownNameException} for an unknown name (the message lists
     * the known ones) and {@link InvalidInputException} naming the parameter for an unknown, repeated,
     * malformed or out-of-range parameter.
     */
    public static Lagrangian parse(String spec) {
        if (spec == null) {
            throw new InvalidInputException("Lagrangian: spec must not be null");
        }
        String s = spec.strip();
        if (s.toLowerCase(Locale.ROOT).startsWith(BLOCK_PREFIX)) {
            return parseBlock(s);
        }
        int colon = s.indexOf(':');
        String name = (colon < 0 ? s : s.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
        name = ALIASES.getOrDefault(name, name);
        Map<String, String> params = colon < 0 ? Map.of() : parseParams(name, s.substring(colon + 1));
        switch (name) {
            case ReluLagrangian.NAME:
                noParams(name, params);
                return new ReluLagrangian();
            case SoftplusLagrangian.NAME:
                noParams(name, params);
                return new SoftplusLagrangian();
            case LogCoshLagrangian.NAME:
                noParams(name, params);
                return new LogCoshLagrangian();
            case IdentityLagrangian.NAME:
                noParams(name, params);
                return new IdentityLagrangian();
            case SmoothLeakyReluLagrangian.NAME:
                noParams(name, params);
                return new SmoothLeakyReluLagrangian();
            case LogSumExpLagrangian.NAME:
                allowOnly(name, params, List.of("beta"));
                return new LogSumExpLagrangian(number(name, params, "beta", 1.0));
            case LayerNormLagrangian.NAME:
                allowOnly(name, params, List.of("gamma", "delta", "eps"));
                return new LayerNormLagrangian(number(name, params, "gamma", LayerNormLagrangian.DEFAULT_GAMMA),
                        number(name, params, "delta", LayerNormLagrangian.DEFAULT_DELTA),
                        number(name, params, "eps", LayerNormLagrangian.DEFAULT_EPS));
            default:
                throw new UnknownNameException("unknown Lagrangian '" + name + "'; known: " + String.join(", ", NAMES)
                        + " (aliases: softplus, logsumexp, logcosh, linear; or block[size*spec;...])");
        }
    }

    private static Map<String, String> parseParams(String name, String text) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String part : text.split(",", -1)) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new InvalidInputException(name + ": parameter '" + part.strip()
                        + "' must be written key=value");
            }
            String key = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = part.substring(eq + 1).strip();
            if (key.isEmpty()) {
                throw new InvalidInputException(name + ": parameter '" + part.strip() + "' has no name");
            }
            if (params.put(key, value) != null) {
                throw new InvalidInputException(name + ": parameter '" + key + "' given twice");
            }
        }
        return params;
    }

    private static void noParams(String name, Map<String, String> params) {
        if (!params.isEmpty()) {
            throw new InvalidInputException(name + ": unknown parameter '" + params.keySet().iterator().next()
                    + "'; this Lagrangian takes no parameters");
        }
    }

    private static void allowOnly(String name, Map<String, String> params, List<String> known) {
        for (String key : params.keySet()) {
            if (!known.contains(key)) {
                throw new InvalidInputException(name + ": unknown parameter '" + key + "'; known: "
                        + String.join(", ", known));
            }
        }
    }

    private static double number(String name, Map<String, String> params, String key, double dflt) {
        String text = params.get(key);
        if (text == null) {
            return dflt;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name + ": parameter '" + key + "' is not a number: '" + text + "'", e);
        }
    }

    private static Lagrangian parseBlock(String s) {
        if (!s.endsWith("]")) {
            throw new InvalidInputException("block: spec '" + s + "' must end with ']'");
        }
        String inner = s.substring(BLOCK_PREFIX.length(), s.length() - 1);
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == ';' && depth == 0) {
                parts.add(inner.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(inner.substring(start));
        List<Lagrangian> blocks = new ArrayList<>(parts.size());
        int[] sizes = new int[parts.size()];
        for (int k = 0; k < parts.size(); k++) {
            String part = parts.get(k).strip();
            int star = part.indexOf('*');
            if (star < 0) {
                throw new InvalidInputException("block: part '" + part + "' must be written size*spec");
            }
            String sizeText = part.substring(0, star).strip();
            try {
                sizes[k] = Integer.parseInt(sizeText);
            } catch (NumberFormatException e) {
                throw new InvalidInputException("block: size '" + sizeText + "' of part " + k + " is not an integer",
                        e);
            }
            blocks.add(parse(part.substring(star + 1)));
        }
        return new BlockLagrangian(blocks, sizes);
    }
}
