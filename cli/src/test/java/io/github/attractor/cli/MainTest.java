package io.github.attractor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.attractor.cli.io.Json;
import io.github.attractor.data.array.NdArray;
import io.github.attractor.data.npy.Npy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MainTest {

    @Test
    void topLevelHelpListsEverySubcommand() {
        CliRun r = CliRun.of("--help");
        assertEquals(0, r.code());
        for (String sub : List.of("tour", "energy", "analyze", "memory", "repro")) {
            assertTrue(r.out().contains("  " + sub + " "), "help lists " + sub);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tour", "energy", "analyze", "analyze dead-neurons", "analyze fixed-points", "memory", "memory sequence", "memory retrieve", "memory store", "repro"})
    void everySubcommandHasHelpWithAnExample(String cmd) {
        String[] args = (cmd + " --help").split(" ");
        CliRun r = CliRun.of(args);
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Examples:"), cmd + " help has examples");
        assertTrue(r.out().contains("attractor " + cmd.split(" ")[0]), cmd + " help shows a command line");
    }

    /** One line on stderr starting with "attractor:", the given exit code, nothing on stdout. */
    static void assertOneLineError(CliRun r, int code, String fragment) {
        assertEquals(code, r.code(), r.err());
        String first = r.err().lines().findFirst().orElse("");
        assertTrue(first.startsWith("attractor: "), r.err());
        assertTrue(first.contains(fragment), "'" + first + "' should mention " + fragment);
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertEquals("", r.out());
    }

    @Test
    void asymmetricWeightsForEquationOneAreBadInput() {
        assertOneLineError(CliRun.of("energy", "-W", "0,1;0.5,0", "--no-progress"), 2, "symmetric");
    }

    @Test
    void wrongShapesAreBadInput() {
        assertOneLineError(CliRun.of("energy", "-W", "0,1;1,0", "-b", "1,2,3", "--no-progress"), 2, "bias");
        assertOneLineError(CliRun.of("energy", "-W", "0,1,2;1,0,2", "--no-progress"), 2, "square");
        assertOneLineError(CliRun.of("energy", "--example", "wta", "--y0", "1,2,3", "--no-progress"), 2, "--y0");
    }

    @Test
    void nanInAWeightFileIsBadInput(@TempDir Path dir) {
        Path w = dir.resolve("W.npy");
        Npy.write(w, new NdArray(new int[] {2, 2}, new double[] {0, 1, Double.NaN, 0}));
        CliRun r = CliRun.of("energy", "-W", w.toString(), "--no-progress");
        assertOneLineError(r, 2, "W.npy");
        assertTrue(r.err().contains("NaN"), r.err());
    }

    @Test
    void unknownNamesAreBadInput() {
        CliRun lag = CliRun.of("energy", "--example", "wta", "-L", "swish", "--no-progress");
        assertOneLineError(lag, 2, "swish");
        assertTrue(lag.err().contains("relu"), "lists the known Lagrangians");
        assertOneLineError(CliRun.of("repro", "figure9"), 2, "figure9");
        assertOneLineError(CliRun.of("energy", "--example", "wta", "--method", "leapfrog"), 2, "leapfrog");
    }

    @Test
    void missingNetworkAndUnknownOptionsAreBadInput() {
        assertOneLineError(CliRun.of("energy", "--no-progress"), 2, "--network");
        CliRun r = CliRun.of("energy", "--frobnicate");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("attractor: "), r.err());
    }

    @Test
    void divergentIntegrationIsAComputationFailureAndWritesNothing(@TempDir Path dir) {
        // Identity Lagrangian with W = 2I: dy/dt = y + b grows like e^t past the blow-up bound.
        Path out = dir.resolve("run");
        CliRun r = CliRun.of("energy", "-W", "2,0;0,2", "-b", "1,1", "-L", "identity", "--y0", "1,1", "--t-end",
                "100", "--tol", "0", "--out", out.toString(), "--no-progress");
        assertOneLineError(r, 1, "diverged");
        assertFalse(Files.exists(out), "nothing half-written");
    }

    @Test
    void energyCommandReportsADescendingEnergy(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        CliRun r = CliRun.of("energy", "--example", "random", "--size", "12", "-L", "sigmoid", "--seed", "3",
                "--out", out.toString(), "--no-progress");
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.MAPPER.readTree(r.out());
        assertEquals("converged", j.get("stop").asText());
        assertTrue(j.get("energy").get("final").asDouble() < j.get("energy").get("initial").asDouble());
        assertTrue(j.get("energy").get("max_relative_increase").asDouble() <= 1e-9);
        // The stop (|dx/dt| < 1e-9) is located on the dense output; the exact residual there is within a few %.
        assertTrue(j.get("residual_final").asDouble() < 2e-9);
        for (String f : List.of("energy.json", "trace.csv", "energy.png")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        CliRun mod = CliRun.of("energy", "--example", "random", "--size", "12", "-L", "tanh", "--dynamics", "modified",
                "--R", "polar", "--no-progress");
        assertEquals(0, mod.code(), mod.err());
        JsonNode m = Json.MAPPER.readTree(mod.out());
        assertTrue(m.get("dynamics").asText().contains("polar"));
        assertTrue(m.get("condition11_min_eigenvalue_final").asDouble() >= -1e-9);
    }

    @Test
    void analyzeCommandsFindTheWinnerTakeAllStructure() throws Exception {
        CliRun fp = CliRun.of("analyze", "fixed-points", "--example", "wta");
        assertEquals(0, fp.code(), fp.err());
        JsonNode pts = Json.MAPPER.readTree(fp.out()).get("fixed_points");
        assertEquals(3, pts.size());
        int stable = 0;
        for (JsonNode p : pts) {
            stable += p.get("verdict").asText().equals("stable") ? 1 : 0;
            assertEquals(p.get("verdict").asText(), p.get("restricted_verdict").asText());
        }
        assertEquals(2, stable);
        CliRun dn = CliRun.of("analyze", "dead-neurons", "--example", "wta", "--state", "1,-1");
        assertEquals(0, dn.code(), dn.err());
        JsonNode d = Json.MAPPER.readTree(dn.out());
        assertEquals(1, d.get("k").asInt());
        assertEquals(0, d.get("energy_variation_along_dead_directions").get("E4").asDouble(), 1e-12);
        assertTrue(d.get("energy_variation_along_dead_directions").get("E14").asDouble() > 1e-3);
        assertEquals("stable", d.get("restricted_stability").get("verdict").asText());
    }

    @Test
    void sequenceReplayFollowsTheSequenceWithAStrongTransition() throws Exception {
        CliRun r = CliRun.of("memory", "sequence", "--neurons", "500", "--length", "6", "--steps", "8");
        assertEquals(0, r.code(), r.err());
        com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        assertEquals(9, root.get("steps").size());
        for (com.fasterxml.jackson.databind.JsonNode s : root.get("steps")) {
            assertEquals(s.get("step").asInt() % 6, s.get("best_pattern").asInt(), r.out());
        }
        assertTrue(root.get("min_overlap").asDouble() >= 0.9, r.out());
    }

    @Test
    void sequenceBadInputsAreOneLineErrors() {
        assertOneLineError(CliRun.of("memory", "sequence", "--flip", "2"), 2, "--flip");
        assertOneLineError(CliRun.of("memory", "sequence", "--patterns", "1,-1,1;1,1,0.5"), 2, "--patterns");
        assertOneLineError(CliRun.of("memory", "sequence", "--activation", "swish"), 2, "swish");
    }

    /** Eight random 6×6 "images" in [0, 1], stored as .npy. */
    private static Path images(Path dir) {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(4);
        double[] data = new double[8 * 36];
        for (int i = 0; i < data.length; i++) {
            data[i] = rng.nextDouble();
        }
        Path file = dir.resolve("mem.npy");
        io.github.attractor.data.npy.Npy.write(file, new io.github.attractor.data.array.NdArray(new int[] {8, 36}, data));
        return file;
    }

    @Test
    void retrieveFindsTheOccludedMemoriesWithEveryContinuousModel(@TempDir Path dir) throws Exception {
        Path mem = images(dir);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        CliRun k = CliRun.of("memory", "retrieve", "--memories", mem.toString(), "--cue", "3,5", "--model", "khopfield",
                "--k", "2", "--out-patterns", dir.resolve("x.npy").toString());
        assertEquals(0, k.code(), k.err());
        com.fasterxml.jackson.databind.JsonNode root = json.readTree(k.out());
        assertEquals(3, root.get("results").get(0).get("indices").get(0).asInt());
        assertEquals(5, root.get("results").get(1).get("indices").get(0).asInt());
        assertEquals(java.util.List.of(2, 2, 36), java.util.Arrays.stream(io.github.attractor.data.npy.Npy.read(
                dir.resolve("x.npy")).shape()).boxed().toList());
        CliRun m = CliRun.of("memory", "retrieve", "--memories", mem.toString(), "--cue", "6", "--model", "modern",
                "--beta", "20", "--steps", "3", "--corrupt", "noise:0.05");
        assertEquals(0, m.code(), m.err());
        assertEquals(6, json.readTree(m.out()).get("results").get(0).get("indices").get(0).asInt());
        for (String model : new String[] {"khopfield", "modern"}) {
            CliRun f = CliRun.of("memory", "retrieve", "--memories", mem.toString(), "--cue", "3,5", "--model", model,
                    "--k", "2", "--precision", "float32");
            assertEquals(0, f.code(), f.err());
            com.fasterxml.jackson.databind.JsonNode fr = json.readTree(f.out());
            assertEquals("float32", fr.get("precision").asText());
            assertEquals(3, fr.get("results").get(0).get("indices").get(0).asInt(), model);
            assertEquals(5, fr.get("results").get(1).get("indices").get(0).asInt(), model);
        }
    }

    @Test
    void retrieveClassicalCleansFlippedSigns(@TempDir Path dir) throws Exception {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(9);
        StringBuilder csv = new StringBuilder();
        for (int p = 0; p < 3; p++) {
            for (int i = 0; i < 100; i++) {
                csv.append(i == 0 ? "" : ",").append(rng.nextBoolean() ? 1 : -1);
            }
            csv.append('\n');
        }
        Path mem = dir.resolve("spins.csv");
        java.nio.file.Files.writeString(mem, csv);
        CliRun r = CliRun.of("memory", "retrieve", "--memories", mem.toString(), "--cue", "2", "--corrupt", "flip:0.1",
                "--model", "classical");
        assertEquals(0, r.code(), r.err());
        com.fasterxml.jackson.databind.JsonNode res = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        assertEquals(2, res.get("results").get(0).get("indices").get(0).asInt());
        assertTrue(res.get("converged").get(0).asBoolean());
    }

    @Test
    void retrieveBadInputsAreOneLineErrors(@TempDir Path dir) {
        String mem = images(dir).toString();
        assertOneLineError(CliRun.of("memory", "retrieve", "--memories", mem), 2, "--cue");
        assertOneLineError(CliRun.of("memory", "retrieve", "--memories", mem, "--cue", "8"), 2, "--cue");
        assertOneLineError(CliRun.of("memory", "retrieve", "--memories", mem, "--cue", "1", "--k", "9"), 2, "--k");
        assertOneLineError(CliRun.of("memory", "retrieve", "--memories", mem, "--cue", "1", "--similarity", "l7"), 2, "l7");
        assertOneLineError(CliRun.of("memory", "retrieve", "--memories", mem, "--cue", "1", "--corrupt", "blur:2"), 2,
                "blur");
        assertOneLineError(CliRun.of("memory", "retrieve", "--memories", mem, "--cue", "1", "--model", "classical"), 2,
                "+1 or -1");
        assertOneLineError(CliRun.of("memory", "retrieve", "--memories", mem, "--cue", "1", "--precision", "half"), 2,
                "--precision");
        assertOneLineError(CliRun.of("memory", "retrieve", "--memories", dir.resolve("none.npy").toString(), "--cue",
                "1"), 2, "none.npy");
    }

    @Test
    void storeWritesWhatRetrieveReadsAndReportsSeparation(@TempDir Path dir) throws Exception {
        Path mem = images(dir);
        Path stored = dir.resolve("stored.npy");
        CliRun st = CliRun.of("memory", "store", "--patterns", mem.toString(), "--limit", "5", "--out", stored.toString());
        assertEquals(0, st.code(), st.err());
        com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(st.out());
        assertEquals(5, root.get("patterns").asInt());
        assertEquals(0, root.get("separation").get("duplicates").asInt());
        assertTrue(root.get("separation").get("nearest_other_margin_min").asDouble() > 0);
        CliRun r = CliRun.of("memory", "retrieve", "--memories", stored.toString(), "--cue", "4", "--model", "khopfield");
        assertEquals(0, r.code(), r.err());
        Path stored32 = dir.resolve("stored32.npy");
        CliRun st32 = CliRun.of("memory", "store", "--patterns", mem.toString(), "--limit", "5", "--out",
                stored32.toString(), "--dtype", "float32");
        assertEquals(0, st32.code(), st32.err());
        assertTrue(java.nio.file.Files.size(stored32) < java.nio.file.Files.size(stored));
        CliRun r32 = CliRun.of("memory", "retrieve", "--memories", stored32.toString(), "--cue", "4", "--model",
                "khopfield", "--precision", "float32");
        assertEquals(0, r32.code(), r32.err());
        assertEquals(4, new com.fasterxml.jackson.databind.ObjectMapper().readTree(r32.out()).get("results").get(0)
                .get("indices").get(0).asInt());
        assertOneLineError(CliRun.of("memory", "store", "--patterns", mem.toString(), "--dtype", "int8"), 2, "--dtype");
        assertOneLineError(CliRun.of("memory", "store", "--patterns", mem.toString(), "--out", dir.resolve("x.csv")
                .toString()), 2, "--out");
    }
}
