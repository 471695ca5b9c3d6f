package io.github.attractor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.attractor.cli.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reproductions against the acceptance numbers of the issue. figure1 and dead-neurons run in full;
 * the others in their quick versions (the full runs are in the README's reproduction table).
 */
class ReproductionsTest {

    static JsonNode run(Path dir, String name, boolean quick) throws Exception {
        CliRun r = quick ? CliRun.of("repro", name, "--out", dir.toString(), "--quick", "--no-progress")
                : CliRun.of("repro", name, "--out", dir.toString(), "--no-progress");
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.MAPPER.readTree(dir.resolve(name + ".json").toFile());
        assertEquals(name, j.get("name").asText());
        for (JsonNode img : j.get("images")) {
            assertTrue(Files.size(dir.resolve(img.asText())) > 1000, "image " + img);
        }
        for (JsonNode row : j.get("rows")) {
            for (String key : new String[] {"case", "metric", "params", "paper", "measured", "sd"}) {
                assertTrue(row.has(key), "row has " + key);
            }
        }
        return j;
    }

    static double value(JsonNode j, String caseName, String metric) {
        for (JsonNode row : j.get("rows")) {
            if (row.get("case").asText().equals(caseName) && row.get("metric").asText().equals(metric)) {
                return row.get("measured").asDouble();
            }
        }
        throw new AssertionError("no row " + caseName + "/" + metric);
    }

    @Test
    void figure1(@TempDir Path dir) throws Exception {
        JsonNode j = run(dir, "figure1", false);
        assertTrue(value(j, "E4", "dead_direction_variation") < 1e-12);
        assertTrue(value(j, "E14", "dead_direction_variation") > 1e-3);
    }

    @Test
    void deadNeurons(@TempDir Path dir) throws Exception {
        JsonNode j = run(dir, "dead-neurons", false);
        for (String c : new String[] {"relu", "sigmoid", "softmax"}) {
            assertTrue(value(j, c, "k") >= 1, c);
            assertTrue(value(j, c, "E4_variation") < 1e-12, c);
            assertTrue(value(j, c, "E2_variation") > 1e-6, c);
            assertTrue(value(j, c, "E3_variation") > 1e-6, c);
        }
    }

    @Test
    void energyDescentQuick(@TempDir Path dir) throws Exception {
        JsonNode j = run(dir, "energy-descent", true);
        int cases = 0;
        for (JsonNode row : j.get("rows")) {
            double v = row.get("measured").asDouble();
            if (row.get("metric").asText().equals("max_relative_increase")) {
                cases++;
                assertTrue(v <= 1e-9, row.get("case").asText() + ": " + v);
            } else {
                assertTrue(v >= -1e-9, row.get("case").asText() + ": " + v);
            }
        }
        assertEquals(7 * 7 + 1, cases);
    }

    @Test
    void goeStabilizationQuick(@TempDir Path dir) throws Exception {
        JsonNode j = run(dir, "goe-stabilization", true);
        for (JsonNode row : j.get("rows")) {
            double paper = row.get("paper").asDouble();
            assertEquals(paper, row.get("measured").asDouble(), 0.05 * paper, row.get("case").asText());
        }
    }

    @Test
    void steadyStateRecoveryQuick(@TempDir Path dir) throws Exception {
        JsonNode j = run(dir, "steady-state-recovery", true);
        assertTrue(value(j, "relu", "max_residual") < 1e-8);
        assertTrue(value(j, "relu", "stability_agreement") >= 0.99);
    }

    @Test
    void ksoftmaxLimits(@TempDir Path dir) throws Exception {
        JsonNode j = run(dir, "ksoftmax-limits", false);
        int rows = 0;
        for (JsonNode row : j.get("rows")) {
            rows++;
            double beta = row.get("params").get("beta").asDouble();
            double v = row.get("measured").asDouble();
            switch (row.get("metric").asText()) {
                case "max_constraint_error":
                    assertTrue(v <= 1e-10, "beta " + beta + ": " + v);
                    break;
                case "min_ksoftmax":
                    assertTrue(v >= -1e-12, "beta " + beta + ": " + v);
                    break;
                case "topk_distance":
                case "indicator_distance":
                    if (beta == 1000) {
                        assertTrue(v < 1e-3, "beta 1000: " + v);
                    }
                    break;
                default:
                    throw new AssertionError("unexpected metric " + row.get("metric"));
            }
        }
        assertEquals(16, rows);
        assertTrue(value(j, "beta=1", "topk_distance") > value(j, "beta=1000", "topk_distance"));
    }
}
