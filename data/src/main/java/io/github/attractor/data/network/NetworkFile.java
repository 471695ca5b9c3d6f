package io.github.attractor.data.network;

import static io.github.attractor.data.io.Messages.printable;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.NonFiniteValueException;
import io.github.attractor.core.error.NotSquareException;
import io.github.attractor.core.error.ShapeMismatchException;
import io.github.attractor.data.array.NdArray;
import io.github.attractor.data.csv.CsvMatrix;
import io.github.attractor.data.io.AtomicFiles;
import io.github.attractor.data.npy.Npy;
import io.github.attractor.data.npy.Npz;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;

/**
 * The file forms of a recurrent network {@code dy/dt = W g(y) - y + b} ({@link NetworkSpec}), chosen by
 * extension:
 *
 * <ul>
 *   <li>{@code .json}: {@code {"format": "attractor.network", "version": 1, "lagrangian": "relu",
 *       "weights": [[...], ...], "bias": [...]}}. {@code "format"} and {@code "version"} are checked when
 *       present (only version 1 is known); {@code "bias"} defaults to zeros and {@code "lagrangian"} is
 *       optional; {@code "description"} is allowed and ignored; any other key is refused, so that a typo
 *       such as {@code "bais"} cannot silently zero the bias.</li>
 *   <li>{@code .npz}: the weights under {@code W} or {@code weights}, the bias under {@code b} or
 *       {@code bias} (optional; a row or column vector is accepted too), the Lagrangian as a text scalar
 *       {@code lagrangian} (optional); other members are ignored. Text {@code format} and numeric
 *       {@code version} members are checked when present.</li>
 *   <li>{@code .npy} and {@code .csv}: the weight matrix alone; zero bias.</li>
 * </ul>
 *
 * <p>Reading validates: the weights form a non-empty square matrix ({@link NotSquareException}) of finite
 * values ({@link NonFiniteValueException}, naming the entry), the bias has one finite entry per unit
 * ({@link ShapeMismatchException}). Every message starts with the file path as given. Writing
 * ({@link #writeJson}, {@link #writeNpz}) is atomic and reads back bit-identical.
 */
public final class NetworkFile {
    /** Value of the {@code "format"} field. */
    public static final String FORMAT = "attractor.network";
    /** The format version this build reads and writes. */
    public static final int VERSION = 1;

    private static final Set<String> JSON_KEYS = Set.of("format", "version", "lagrangian", "weights", "bias",
            "description");
    private static final JsonMapper MAPPER = JsonMapper.builder(new JsonFactory())
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private NetworkFile() {
    }

    /**
     * Reads a network from a {@code .json}, {@code .npz}, {@code .npy} or {@code .csv} file (extension
     * case-insensitive).
     */
    public static NetworkSpec read(Path path) {
        Objects.requireNonNull(path, "path");
        String name = path.toString();
        Path fn = path.getFileName();
        String file = fn == null ? "" : fn.toString();
        int dot = file.lastIndexOf('.');
        String ext = dot < 0 ? "" : file.substring(dot + 1).toLowerCase(Locale.ROOT);
        switch (ext) {
            case "json":
                return readJson(path);
            case "npz":
                return readNpz(path);
            case "npy": {
                DMatrixRMaj w = Npy.read(path).toMatrix(name);
                return new NetworkSpec(checkedWeights(name, "weight matrix", w), null, null);
            }
            case "csv": {
                DMatrixRMaj w = CsvMatrix.read(path);
                return new NetworkSpec(checkedWeights(name, "weight matrix", w), null, null);
            }
            default:
                throw new InvalidInputException(name + ": unsupported network file type"
                        + (ext.isEmpty() ? "" : " '." + ext + "'") + " (expected .json, .npz, .npy or .csv)");
        }
    }

    // ------------------------------------------------------------------------------------------- JSON

    private static NetworkSpec readJson(Path path) {
        String name = path.toString();
        if (!Files.exists(path)) {
            throw new InvalidInputException(name + ": no such file");
        }
        if (Files.isDirectory(path)) {
            throw new InvalidInputException(name + ": is a directory, not a file");
        }
        JsonNode root;
        try (InputStream in = Files.newInputStream(path)) {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String at = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            String msg = printable(String.valueOf(e.getOriginalMessage()).replace('\n', ' '));
            if (msg.length() > 160) {
                msg = msg.substring(0, 160) + "...";
            }
            throw new InvalidInputException(name + ": invalid JSON" + at + " (" + msg + ")", e);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(name + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new InvalidInputException(name + ": cannot read (permission denied)", e);
        } catch (IOException e) {
            throw new InvalidInputException(name + ": cannot read (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            throw new InvalidInputException(name + ": invalid JSON (" + e + ")", e);
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidInputException(name + ": empty file");
        }
        if (!root.isObject()) {
            throw new InvalidInputException(name + ": expected a JSON object {\"format\": \"" + FORMAT
                    + "\", \"weights\": ...}, got " + kind(root));
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!JSON_KEYS.contains(k)) {
                throw new InvalidInputException(name + ": unknown key \"" + printable(k)
                        + "\" (known: format, version, lagrangian, weights, bias, description)");
            }
        }
        JsonNode format = root.get("format");
        if (format != null && !(format.isTextual() && format.textValue().equals(FORMAT))) {
            throw new InvalidInputException(name + ": \"format\" is " + format + ", expected \"" + FORMAT + "\"");
        }
        JsonNode version = root.get("version");
        if (version != null) {
            if (!version.isIntegralNumber() && !(version.isNumber() && version.doubleValue() == Math.rint(
                    version.doubleValue()))) {
                throw new InvalidInputException(name + ": \"version\" must be an integer, got " + version);
            }
            if (version.doubleValue() != VERSION) {
                throw new InvalidInputException(name + ": unsupported \"version\" " + version
                        + " (this build reads version " + VERSION + ")");
            }
        }
        String lagrangian = null;
        JsonNode lag = root.get("lagrangian");
        if (lag != null && !lag.isNull()) {
            if (!lag.isTextual() || lag.textValue().isBlank()) {
                throw new InvalidInputException(name + ": \"lagrangian\" must be a non-empty string, got " + lag);
            }
            lagrangian = lag.textValue();
        }
        JsonNode wn = root.get("weights");
        if (wn == null || wn.isNull()) {
            throw new InvalidInputException(name + ": missing \"weights\"");
        }
        DMatrixRMaj w = jsonMatrix(name, wn);
        checkedWeights(name, "\"weights\"", w);
        double[] bias = null;
        JsonNode bn = root.get("bias");
        if (bn != null && !bn.isNull()) {
            bias = checkedBias(name, "\"bias\"", jsonVector(name, bn), w.numRows);
        }
        return new NetworkSpec(w, bias, lagrangian);
    }

    private static DMatrixRMaj jsonMatrix(String name, JsonNode wn) {
        if (!wn.isArray()) {
            throw new InvalidInputException(name + ": \"weights\" must be an array of rows, got " + kind(wn));
        }
        int rows = wn.size();
        if (rows == 0) {
            throw new InvalidInputException(name + ": \"weights\" is empty");
        }
        int cols = -1;
        for (int i = 0; i < rows; i++) {
            JsonNode row = wn.get(i);
            if (!row.isArray()) {
                throw new InvalidInputException(name + ": \"weights\" row " + i
                        + " must be an array of numbers, got " + kind(row));
            }
            if (cols < 0) {
                cols = row.size();
            } else if (row.size() != cols) {
                throw new ShapeMismatchException(name + ": \"weights\" row " + i + " has " + row.size()
                        + " entries, expected " + cols + " (as in row 0)");
            }
        }
        DMatrixRMaj w = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < rows; i++) {
            JsonNode row = wn.get(i);
            for (int j = 0; j < cols; j++) {
                JsonNode v = row.get(j);
                if (!v.isNumber()) {
                    throw new InvalidInputException(name + ": \"weights\"[" + i + "][" + j
                            + "] is not a number, got " + kind(v));
                }
                w.data[i * cols + j] = v.doubleValue();
            }
        }
        return w;
    }

    private static double[] jsonVector(String name, JsonNode bn) {
        if (!bn.isArray()) {
            throw new InvalidInputException(name + ": \"bias\" must be an array of numbers, got " + kind(bn));
        }
        double[] b = new double[bn.size()];
        for (int i = 0; i < b.length; i++) {
            JsonNode v = bn.get(i);
            if (!v.isNumber()) {
                throw new InvalidInputException(name + ": \"bias\"[" + i + "] is not a number, got " + kind(v));
            }
            b[i] = v.doubleValue();
        }
        return b;
    }

    private static String kind(JsonNode n) {
        if (n.isObject()) {
            return "an object";
        }
        if (n.isArray()) {
            return "an array";
        }
        if (n.isTextual()) {
            String t = n.textValue();
            return "the string \"" + printable(t.length() > 20 ? t.substring(0, 20) + "..." : t) + "\"";
        }
        if (n.isNull()) {
            return "null";
        }
        return printable(n.toString());
    }

    /** Writes {@code spec} as a version-1 JSON network file, one weight row per line, atomically. */
    public static void writeJson(Path path, NetworkSpec spec) {
        Objects.requireNonNull(spec, "spec");
        String text = toJson(spec);
        AtomicFiles.writeString(path, text);
    }

    /** The JSON text {@link #writeJson} writes. */
    public static String toJson(NetworkSpec spec) {
        DMatrixRMaj w = spec.weights();
        double[] b = spec.bias();
        int n = w.numRows;
        StringBuilder sb = new StringBuilder(64 + 24 * n * (n + 1));
        sb.append("{\n  \"format\": \"").append(FORMAT).append("\",\n  \"version\": ").append(VERSION).append(",\n");
        if (spec.lagrangian() != null) {
            sb.append("  \"lagrangian\": ").append(JsonNodeFactory.instance.textNode(spec.lagrangian()))
                    .append(",\n");
        }
        sb.append("  \"weights\": [\n");
        for (int i = 0; i < n; i++) {
            sb.append("    [");
            for (int j = 0; j < n; j++) {
                if (j > 0) {
                    sb.append(", ");
                }
                sb.append(w.data[i * n + j]);
            }
            sb.append(i + 1 < n ? "],\n" : "]\n");
        }
        sb.append("  ],\n  \"bias\": [");
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(b[i]);
        }
        sb.append("]\n}\n");
        return sb.toString();
    }

    // -------------------------------------------------------------------------------------------- NPZ

    private static NetworkSpec readNpz(Path path) {
        String name = path.toString();
        Npz.Contents c = Npz.readAll(path, true);
        Map<String, NdArray> arrays = c.arrays();
        Map<String, String> strings = c.strings();
        String fmt = strings.get("format");
        if (fmt != null && !fmt.equals(FORMAT)) {
            throw new InvalidInputException(name + ": \"format\" is \"" + printable(fmt) + "\", expected \"" + FORMAT
                    + "\"");
        }
        if (arrays.containsKey("format")) {
            throw new InvalidInputException(name + ": \"format\" must be a text scalar");
        }
        NdArray ver = arrays.get("version");
        if (ver != null) {
            if (ver.size() != 1 || ver.rank() > 1) {
                throw new InvalidInputException(name + ": \"version\" must be a single integer, got shape "
                        + NdArray.shapeString(ver.shape()));
            }
            double v = ver.data()[0];
            if (v != VERSION) {
                throw new InvalidInputException(name + ": unsupported \"version\" " + fmtNumber(v)
                        + " (this build reads version " + VERSION + ")");
            }
        }
        if (strings.containsKey("version")) {
            throw new InvalidInputException(name + ": \"version\" must be a number, got text");
        }
        String wKey = pick(name, arrays, strings, "W", "weights", true);
        NdArray wa = arrays.get(wKey);
        String wLabel = name + "[" + wKey + "]";
        DMatrixRMaj w = wa.requireFinite(wLabel).toMatrix(wLabel);
        checkedWeights(wLabel, "weight matrix", w);
        double[] bias = null;
        String bKey = pick(name, arrays, strings, "b", "bias", false);
        if (bKey != null) {
            String bLabel = name + "[" + bKey + "]";
            bias = checkedBias(bLabel, "bias", arrays.get(bKey).requireFinite(bLabel).toVector(bLabel), w.numRows);
        }
        String lagrangian = strings.get("lagrangian");
        if (arrays.containsKey("lagrangian")) {
            throw new InvalidInputException(name + ": \"lagrangian\" must be a text scalar such as "
                    + "np.array(\"relu\"), got a numeric array");
        }
        if (lagrangian != null && lagrangian.isBlank()) {
            throw new InvalidInputException(name + ": \"lagrangian\" is blank");
        }
        return new NetworkSpec(w, bias, lagrangian);
    }

    private static String pick(String name, Map<String, NdArray> arrays, Map<String, String> strings, String shortKey,
            String longKey, boolean required) {
        for (String k : new String[] {shortKey, longKey}) {
            if (strings.containsKey(k)) {
                throw new InvalidInputException(name + ": \"" + k + "\" must be a numeric array, got text");
            }
        }
        boolean hasShort = arrays.containsKey(shortKey);
        boolean hasLong = arrays.containsKey(longKey);
        if (hasShort && hasLong) {
            throw new InvalidInputException(name + ": has both \"" + shortKey + "\" and \"" + longKey
                    + "\"; keep one");
        }
        if (hasShort) {
            return shortKey;
        }
        if (hasLong) {
            return longKey;
        }
        if (required) {
            throw new InvalidInputException(name + ": no weight matrix (expected an array named \"" + shortKey
                    + "\" or \"" + longKey + "\"; found " + arrays.keySet() + ")");
        }
        return null;
    }

    private static String fmtNumber(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /**
     * Writes {@code spec} as an {@code .npz} archive, atomically: float64 members {@code W} and {@code b},
     * a text scalar {@code lagrangian} if named, a text scalar {@code format} and a float64 scalar
     * {@code version}. {@code np.load} reads it directly.
     */
    public static void writeNpz(Path path, NetworkSpec spec) {
        Objects.requireNonNull(spec, "spec");
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        arrays.put("W", NdArray.of(spec.weights()));
        arrays.put("b", NdArray.ofVector(spec.bias()));
        arrays.put("version", NdArray.scalar(VERSION));
        Map<String, String> strings = new LinkedHashMap<>();
        if (spec.lagrangian() != null) {
            strings.put("lagrangian", spec.lagrangian());
        }
        strings.put("format", FORMAT);
        Npz.write(path, arrays, strings);
    }

    // ------------------------------------------------------------------------------------- validation

    /** Non-empty, square, finite; messages start with {@code name}. */
    static DMatrixRMaj checkedWeights(String name, String what, DMatrixRMaj w) {
        if (w.numRows == 0 || w.numCols == 0) {
            throw new InvalidInputException(name + ": " + what + " is empty (" + w.numRows + "x" + w.numCols + ")");
        }
        if (w.numRows != w.numCols) {
            throw new NotSquareException(name + ": " + what + " must be square, got " + w.numRows + "x" + w.numCols);
        }
        int n = w.numCols;
        for (int i = 0; i < n * n; i++) {
            if (!Double.isFinite(w.data[i])) {
                throw new NonFiniteValueException(name + ": " + what + " entry (" + (i / n) + "," + (i % n) + ") is "
                        + w.data[i]);
            }
        }
        return w;
    }

    /** Length n, finite; messages start with {@code name}. */
    static double[] checkedBias(String name, String what, double[] b, int n) {
        if (b.length != n) {
            throw new ShapeMismatchException(name + ": " + what + " has length " + b.length + ", expected " + n
                    + " (one per unit)");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(b[i])) {
                throw new NonFiniteValueException(name + ": " + what + " entry " + i + " is " + b[i]);
            }
        }
        return b;
    }
}
