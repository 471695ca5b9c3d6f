package io.github.attractor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.attractor.cli.io.Json;
import io.github.attractor.data.array.NdArray;
import io.github.attractor.data.npy.Npy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TlnCommandTest {

    @ParameterizedTest
    @ValueSource(strings = {"tln", "tln fixed-points", "tln phase", "analyze slow-points"})
    void helpHasExamples(String cmd) {
        CliRun r = CliRun.of((cmd + " --help").split(" "));
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Examples:"), cmd);
        assertTrue(r.out().contains("attractor " + cmd.split(" ")[0]), cmd);
    }

    @Test
    void topLevelHelpListsTln() {
        assertTrue(CliRun.of("--help").out().contains("  tln "));
    }

    @Test
    void fixedPointsFromNpyFilesMatchTheHandComputedSaddleAndStablePoints(@TempDir Path dir) throws Exception {
        Path w = dir.resolve("W.npy");
        Path b = dir.resolve("b.npy");
        Npy.write(w, new NdArray(new int[] {2, 2}, new double[] {0.1, -1.2, -1.2, 0.1}));
        Npy.write(b, new NdArray(new int[] {2}, new double[] {1, 1}));
        CliRun r = CliRun.of("tln", "fixed-points", "--weights", w.toString(), "--bias", b.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.MAPPER.readTree(r.out());
        assertEquals(3, j.get("counts").get("fixed_points").asInt());
        assertEquals(2, j.get("counts").get("stable").asInt());
        assertEquals(1, j.get("counts").get("unstable").asInt());
        for (JsonNode p : j.get("fixed_points")) {
            assertTrue(p.get("residual").asDouble() < 1e-12);
            if (p.get("support").size() == 2) {
                assertEquals(1 / 2.1, p.get("x").get(0).asDouble(), 1e-12);
                assertEquals("unstable", p.get("verdict").asText());
            } else {
                assertEquals("stable", p.get("verdict").asText());
            }
        }
    }

    @Test
    void aLineOfFixedPointsIsReportedAsAContinuum() throws Exception {
        CliRun r = CliRun.of("tln", "fixed-points", "-W", "0,-1;-1,0", "-b", "1,1");
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.MAPPER.readTree(r.out());
        assertEquals(1, j.get("counts").get("continua").asInt());
        assertEquals(0, j.get("counts").get("fixed_points").asInt());
        JsonNode c = j.get("continua").get(0);
        assertEquals("segment", c.get("kind").asText());
        assertEquals("stable", c.get("transverse_verdict").asText());
        assertEquals(1.0, c.get("start").get(0).asDouble() + c.get("start").get(1).asDouble(), 1e-12);
    }

    @Test
    void ctlnFromAGraphHasTheThreeCycleFixedPoint() throws Exception {
        CliRun r = CliRun.of("tln", "fixed-points", "--graph", "0->1,1->2,2->0", "--epsilon", "0.25", "--delta", "0.5");
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.MAPPER.readTree(r.out());
        assertEquals(1, j.get("counts").get("fixed_points").asInt());
        assertEquals(0, j.get("counts").get("stable").asInt());
        assertEquals(3, j.get("fixed_points").get(0).get("support").size());
    }

    @Test
    void phasePortraitIsWritten(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("p.png");
        CliRun r = CliRun.of("tln", "phase", "--example", "note-9", "--out", png.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(png) > 5000);
        assertEquals(3, Json.MAPPER.readTree(r.out()).get("counts").get("fixed_points").asInt());
    }

    @Test
    void slowPointsFindTheGhostAndTheSurvivingFixedPoint() throws Exception {
        CliRun r = CliRun.of("analyze", "slow-points", "--example", "tanh-ghost", "--starts", "60");
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.MAPPER.readTree(r.out());
        assertEquals(1, j.get("fixed_points").size());
        assertEquals("stable", j.get("fixed_points").get(0).get("verdict").asText());
        assertTrue(j.get("fixed_points").get(0).get("x").get(0).asDouble() < 0);
        assertTrue(j.get("slow_points").size() >= 1);
        JsonNode ghost = j.get("slow_points").get(0);
        assertTrue(ghost.get("local_minimum_of_q").asBoolean());
        assertTrue(ghost.get("q").asDouble() > 1e-8 && ghost.get("x").get(0).asDouble() > 0);
    }

    @Test
    void slowPointsOfARateRnnFromWeights() throws Exception {
        CliRun r = CliRun.of("analyze", "slow-points", "--model", "rate", "-W", "1.5,0;0,1.5", "--phi", "tanh",
                "--starts", "40");
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.MAPPER.readTree(r.out());
        assertEquals(9, j.get("fixed_points").size()); // 3 per axis: 0 and ±x* of x = tanh(1.5 x)
    }

    @Test
    void badInputsAreOneLineErrors(@TempDir Path dir) {
        MainTest.assertOneLineError(CliRun.of("tln", "fixed-points", "-W", "0,1,2;1,0,2"), 2, "square");
        MainTest.assertOneLineError(CliRun.of("tln", "fixed-points", "-W", "0,1;1,0", "-b", "1,2,3"), 2, "--bias");
        Path w = dir.resolve("W.npy");
        Npy.write(w, new NdArray(new int[] {2, 2}, new double[] {0, Double.NaN, 1, 0}));
        MainTest.assertOneLineError(CliRun.of("tln", "fixed-points", "-W", w.toString()), 2, "W.npy");
        MainTest.assertOneLineError(CliRun.of("tln", "fixed-points"), 2, "give a network");
        MainTest.assertOneLineError(CliRun.of("tln", "fixed-points", "--graph", "0->0"), 2, "self-loop");
        MainTest.assertOneLineError(CliRun.of("tln", "fixed-points", "--graph", "0->1", "--epsilon", "-1"), 2, "--epsilon");
        MainTest.assertOneLineError(CliRun.of("tln", "phase", "--graph", "0->1,1->2"), 2, "two-unit");
        MainTest.assertOneLineError(CliRun.of("tln", "phase", "--example", "spiral"), 2, "spiral");
        MainTest.assertOneLineError(CliRun.of("analyze", "slow-points", "-W", "1,2;3,4", "-b", "1"), 2, "--bias");
        MainTest.assertOneLineError(CliRun.of("analyze", "slow-points", "-W", "1,2", "--model", "rate"), 2, "square");
        MainTest.assertOneLineError(CliRun.of("analyze", "slow-points", "-W", "1", "--model", "lstm"), 2, "lstm");
        MainTest.assertOneLineError(CliRun.of("analyze", "slow-points", "-W", "1", "--model", "rate", "--phi", "swish"), 2,
                "swish");
    }
}
