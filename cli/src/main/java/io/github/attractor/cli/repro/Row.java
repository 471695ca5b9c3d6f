package io.github.attractor.cli.repro;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of a reproduction table — the stable output contract:
 * {@code {"case": str, "metric": str, "params": {…}, "paper": number|null, "measured": number, "sd": number|null}}.
 */
@JsonPropertyOrder({"case", "metric", "params", "paper", "measured", "sd"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Row(@JsonProperty("case") String caseName, String metric, Map<String, Object> params, Double paper,
        double measured, Double sd) {

    public Row {
        if (!Double.isFinite(measured)) {
            throw new IllegalArgumentException("measured value of " + caseName + "/" + metric + " is " + measured);
        }
        params = params == null ? Map.of() : new LinkedHashMap<>(params);
    }

    public static Row of(String caseName, String metric, Map<String, Object> params, Double paper, double measured) {
        return new Row(caseName, metric, params, paper, measured, null);
    }
}
