package io.github.attractor.cli.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.attractor.data.io.AtomicFiles;
import java.nio.file.Path;

/** JSON output: one shared mapper, NaN/∞ written as {@code null} (JSON has no such numbers). */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /** A number, or {@code null} when it is not finite. */
    public static Double num(double v) {
        return Double.isFinite(v) ? v : null;
    }

    public static ArrayNode array(double[] v) {
        ArrayNode a = array();
        for (double x : v) {
            if (Double.isFinite(x)) {
                a.add(x);
            } else {
                a.addNull();
            }
        }
        return a;
    }

    public static ArrayNode matrix(org.ejml.data.DMatrixRMaj m) {
        ArrayNode rows = array();
        for (int i = 0; i < m.numRows; i++) {
            double[] r = new double[m.numCols];
            for (int j = 0; j < m.numCols; j++) {
                r[j] = m.get(i, j);
            }
            rows.add(array(r));
        }
        return rows;
    }

    public static String write(Object node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise result", e);
        }
    }

    /** Writes pretty JSON atomically. */
    public static void write(Path file, Object node) {
        AtomicFiles.writeString(file, write(node) + "\n");
    }
}
