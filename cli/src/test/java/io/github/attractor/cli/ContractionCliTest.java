package io.github.attractor.cli;

import static io.github.attractor.cli.MainTest.assertOneLineError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.attractor.cli.io.Json;
import io.github.attractor.data.array.NdArray;
import io.github.attractor.data.npy.Npy;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code attractor contraction check | sample-modules | combine}. */
class ContractionCliTest {

    static JsonNode ok(String... args) throws Exception {
        CliRun r = CliRun.of(args);
        assertEquals(0, r.code(), r.err());
        return Json.MAPPER.readTree(r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"contraction", "contraction check", "contraction sample-modules", "contraction combine"})
    void helpHasExamples(String cmd) {
        CliRun r = CliRun.of((cmd + " --help").split(" "));
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Examples:"), cmd);
        assertTrue(r.out().contains("attractor " + cmd), cmd);
    }

    @Test
    void topLevelHelpListsContraction() {
        assertTrue(CliRun.of("--help").out().contains("  contraction "));
    }

    @Test
    void autoCertifiesAndTheSlopeBoxAgrees() throws Exception {
        // not symmetric, not triangular, no product form: Theorem 1 certifies it
        JsonNode j = ok("contraction", "check", "--weights", "0,0.5,-0.2;-0.3,0,0.4;0.1,-0.6,0");
        assertTrue(j.get("holds").asBoolean());
        assertEquals("Theorem 1", j.get("certified_by").asText());
        JsonNode certs = j.get("certificates");
        assertEquals("Theorem 2", certs.get(0).get("theorem").asText());
        assertFalse(certs.get(0).get("holds").asBoolean());
        assertTrue(certs.get(0).get("reason").asText().contains("symmetric"));
        JsonNode last = certs.get(certs.size() - 1);
        assertEquals(3, last.get("metric_diagonal").size());
        assertTrue(last.get("rate").asDouble() > 0);
        assertTrue(j.get("slope_box_check").get("consistent").asBoolean());
        assertEquals(8, j.get("slope_box_check").get("count").asInt());
    }

    @Test
    void aSingleTheoremCanFailWithAReasonAndExitZero() throws Exception {
        JsonNode j = ok("contraction", "check", "--weights", "0,-3;3,0", "--theorem", "1");
        assertFalse(j.get("holds").asBoolean());
        assertTrue(j.get("certificates").get(0).get("reason").asText().contains("Hurwitz"));
        assertTrue(j.get("certified_by").isNull());
        // the gain matters: 0.4|W| at g = 2 has Perron root 0.8
        assertTrue(ok("contraction", "check", "--weights", "0,0.4;0.4,0", "--gain", "2", "--theorem", "1")
                .get("holds").asBoolean());
        assertFalse(ok("contraction", "check", "--weights", "0,0.4;0.4,0", "--gain", "3", "--theorem", "1")
                .get("holds").asBoolean());
    }

    @Test
    void theMetricIsWritten(@TempDir Path dir) throws Exception {
        Path m = dir.resolve("P.npy");
        JsonNode j = ok("contraction", "check", "--weights", "0,4,0;0.1,0,0;0,0.2,0.5", "--theorem", "5", "--metric-out",
                m.toString());
        assertTrue(j.get("holds").asBoolean());
        NdArray p = Npy.read(m);
        assertArrayEquals(new int[] {3, 3}, p.shape());
        assertEquals(0, p.get(0, 1));
    }

    @Test
    void badInputsAreOneLineErrors(@TempDir Path dir) {
        assertOneLineError(CliRun.of("contraction", "check", "--weights", "0,1,2;1,0,2"), 2, "square");
        assertOneLineError(CliRun.of("contraction", "check", "--weights", "0,1;1,0", "--theorem", "7"), 2, "--theorem");
        assertOneLineError(CliRun.of("contraction", "check", "--weights", "0,1;1,0", "--gain", "-1"), 2, "--gain");
        Path w = dir.resolve("W.npy");
        Npy.write(w, new NdArray(new int[] {2, 2}, new double[] {0, 1, Double.NaN, 0}));
        CliRun nan = CliRun.of("contraction", "check", "--weights", w.toString());
        assertOneLineError(nan, 2, "W.npy");
        assertTrue(nan.err().contains("NaN"), nan.err());
        assertOneLineError(CliRun.of("contraction", "check"), 2, "--weights");
        assertOneLineError(CliRun.of("contraction", "sample-modules", "--density", "1.5"), 2, "--density");
        assertOneLineError(CliRun.of("contraction", "sample-modules", "--keep", "3"), 2, "--out");
        assertOneLineError(CliRun.of("contraction", "combine"), 2, "--modules");
        Path stack = dir.resolve("stack.npy");
        Npy.write(stack, new NdArray(new int[] {2, 2, 3}, new double[12]));
        assertOneLineError(CliRun.of("contraction", "combine", "--modules", stack.toString()), 2, "stack.npy");
        Path unstable = dir.resolve("unstable.npy");
        Npy.write(unstable, new NdArray(new int[] {2, 2}, new double[] {0, -3, 3, 0}));
        assertOneLineError(CliRun.of("contraction", "combine", "--modules", unstable.toString()), 2, "unstable.npy");
    }

    @Test
    void sampleModulesReportsTheAcceptanceAndWritesAStack(@TempDir Path dir) throws Exception {
        Path stack = dir.resolve("modules.npy");
        JsonNode j = ok("contraction", "sample-modules", "--samples", "5000", "--keep", "3", "--out", stack.toString(),
                "--seed", "3");
        assertEquals(102, j.get("positions_drawn").asInt());
        double rate = j.get("acceptance_rate").asDouble();
        assertTrue(rate > 0.003 && rate < 0.05, "rate " + rate);
        assertTrue(j.get("ci_low").asDouble() < rate && rate < j.get("ci_high").asDouble());
        assertEquals(j, ok("contraction", "sample-modules", "--samples", "5000", "--keep", "3", "--out",
                stack.toString(), "--seed", "3"));
        assertArrayEquals(new int[] {3, 16, 16}, Npy.read(stack).shape());

        Path w = dir.resolve("W.npy");
        Path l = dir.resolve("L.npy");
        Path m = dir.resolve("M.npy");
        JsonNode c = ok("contraction", "combine", "--modules", stack.toString(), "--out", w.toString(), "--coupling-out",
                l.toString(), "--metric-out", m.toString(), "--simulate", "--coupling-scale", "2");
        assertEquals(3, c.get("modules").asInt());
        assertEquals(48, c.get("units").asInt());
        assertTrue(c.get("certificate").get("holds").asBoolean(), c.toString());
        assertTrue(c.get("certificate").get("margin").asDouble() > 0);
        assertEquals(0, c.get("simulation").get("violations").asInt());
        assertTrue(c.get("simulation").get("final_distance").asDouble() < c.get("simulation").get("initial_distance")
                .asDouble());
        NdArray lw = Npy.read(l);
        NdArray mw = Npy.read(m);
        assertArrayEquals(new int[] {48, 48}, lw.shape());
        // L is antisymmetric in M: ML + LᵀM = 0
        double worst = 0;
        for (int i = 0; i < 48; i++) {
            for (int k = 0; k < 48; k++) {
                double s = 0;
                for (int q = 0; q < 48; q++) {
                    s += mw.get(i, q) * lw.get(q, k) + lw.get(q, i) * mw.get(q, k);
                }
                worst = Math.max(worst, Math.abs(s));
            }
        }
        assertTrue(worst < 1e-12, "ML + LᵀM = " + worst);
        assertEquals(0, Npy.read(w).get(0, 16));
    }
}
