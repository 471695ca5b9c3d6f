package io.github.attractor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.attractor.cli.io.Json;
import io.github.attractor.data.array.NdArray;
import io.github.attractor.data.npy.Npz;
import io.github.attractor.data.trajectory.Demonstration;
import io.github.attractor.data.trajectory.TrajectoryDataset;
import io.github.attractor.data.trajectory.TrajectoryNpz;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import us.hebi.matlab.mat.format.Mat5;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearnCommandTest {
    @TempDir
    Path dir;

    /** Demonstrations of ẋ = [[-1, 2], [-2, -1]] x (d = 2) or ẋ = −x (d = 3), sampled exactly. */
    static Path dataset(Path dir, String name, int d) {
        List<Demonstration> demos = new ArrayList<>();
        int n = 120;
        double h = 0.05;
        for (int j = 0; j < 2; j++) {
            double[] t = new double[n];
            double[][] x = new double[n][d];
            double[][] v = new double[n][d];
            for (int k = 0; k < n; k++) {
                t[k] = k * h;
                double e = Math.exp(-t[k]);
                double a = (j == 0 ? 1.0 : -0.5) * 2;
                double b = (j == 0 ? 0.5 : 1.5) * 2;
                if (d == 2) {
                    double c = Math.cos(2 * t[k]);
                    double s = Math.sin(2 * t[k]);
                    x[k][0] = e * (a * c + b * s);
                    x[k][1] = e * (-a * s + b * c);
                    v[k][0] = -x[k][0] + 2 * x[k][1];
                    v[k][1] = -2 * x[k][0] - x[k][1];
                } else {
                    for (int i = 0; i < d; i++) {
                        x[k][i] = e * (a + i);
                        v[k][i] = -x[k][i];
                    }
                }
            }
            demos.add(new Demonstration(t, x, v));
        }
        Path p = dir.resolve(name);
        TrajectoryNpz.write(p, new TrajectoryDataset(name, demos, new double[d]));
        return p;
    }

    @Test
    void trainWritesModelSummaryAndFieldAndTheModelReloads() throws Exception {
        Path data = dataset(dir, "spiral.npz", 2);
        Path out = dir.resolve("run");
        CliRun r = CliRun.of("learn", "train", "--model", "elcd", "--dataset", data.toString(), "--epochs", "30",
                "--lr", "1e-2", "--batch", "40", "--out", out.toString(), "--no-progress");
        assertEquals(0, r.code(), r.err());
        JsonNode s = Json.MAPPER.readTree(Files.readString(out.resolve("summary.json")));
        assertEquals(2, s.get("dtwd").size());
        assertTrue(s.get("dtwd_mean").asDouble() < 0.5, s.toString());
        assertTrue(Files.size(out.resolve("field.png")) > 1000);
        CliRun e = CliRun.of("learn", "evaluate", "--model-file", out.resolve("model.attr").toString(), "--dataset",
                data.toString());
        assertEquals(0, e.code(), e.err());
        assertEquals(s.get("dtwd_mean").asDouble(), Json.MAPPER.readTree(e.out()).get("dtwd_mean").asDouble(), 1e-12);
        CliRun ro = CliRun.of("learn", "rollout", "--model-file", out.resolve("model.attr").toString(), "--start",
                "3,-3", "--dt", "0.1", "--tol", "1e-9", "--steps", "3000");
        assertEquals(0, ro.code(), ro.err());
        CliRun mt = CliRun.of("learn", "metric", "--model-file", out.resolve("model.attr").toString(), "--grid", "2",
                "--tolerance", "1e-9", "--no-progress");
        assertEquals(0, mt.code(), mt.err());
        // (4.14): the largest eigenvalue of M Df + Dfᵀ M + Ṁ is −1 at every grid point.
        for (JsonNode p : Json.MAPPER.readTree(mt.out()).get("points")) {
            assertEquals(-1.0, p.get("lhs_max_eig").asDouble(), 1e-4, mt.out());
        }
        CliRun short1 = CliRun.of("learn", "metric", "--model-file", out.resolve("model.attr").toString(), "--grid",
                "1", "--horizon", "0.5", "--no-progress");
        assertEquals(1, short1.code(), short1.err());
        assertTrue(short1.err().contains("has not converged by the horizon"), short1.err());
        JsonNode end = Json.MAPPER.readTree(ro.out()).get("end");
        JsonNode eq = Json.MAPPER.readTree(ro.out()).get("equilibrium");
        assertTrue(Math.hypot(end.get(0).asDouble() - eq.get(0).asDouble(), end.get(1).asDouble() - eq.get(1).asDouble())
                < 1e-4);
    }

    @Test
    void baselinesTrainSaveAndReloadThroughTheCli() throws Exception {
        Path data = dataset(dir, "spiral-b.npz", 2);
        for (String model : new String[] {"sdd", "eflow", "ncds"}) {
            Path out = dir.resolve(model);
            CliRun r = CliRun.of("learn", "train", "--model", model, "--dataset", data.toString(), "--epochs", "2",
                    "--out", out.toString(), "--no-progress");
            assertEquals(0, r.code(), model + ": " + r.err());
            CliRun e = CliRun.of("learn", "evaluate", "--model-file", out.resolve("model.attr").toString(), "--dataset",
                    data.toString());
            assertEquals(0, e.code(), model + ": " + e.err());
            JsonNode s = Json.MAPPER.readTree(Files.readString(out.resolve("summary.json")));
            assertEquals(model, s.get("model").asText());
            assertEquals(s.get("dtwd_mean").asDouble(), Json.MAPPER.readTree(e.out()).get("dtwd_mean").asDouble(), 1e-12,
                    model);
        }
    }

    @Test
    void elcdFlowTrainsThroughTheCli() throws Exception {
        Path data = dataset(dir, "spiral.npz", 2);
        Path out = dir.resolve("flow");
        CliRun r = CliRun.of("learn", "train", "--model", "elcd-flow", "--dataset", data.toString(), "--epochs", "2",
                "--out", out.toString(), "--no-progress");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(out.resolve("model.attr")));
        CliRun e = CliRun.of("learn", "evaluate", "--model-file", out.resolve("model.attr").toString(), "--dataset",
                data.toString());
        assertEquals(0, e.code(), e.err());
        JsonNode s = Json.MAPPER.readTree(Files.readString(out.resolve("summary.json")));
        assertEquals(s.get("dtwd_mean").asDouble(), Json.MAPPER.readTree(e.out()).get("dtwd_mean").asDouble(), 1e-12);
    }

    @Test
    void badInputsAreOneLineErrorsWithExitTwo() {
        Path data = dataset(dir, "spiral.npz", 2);
        CliRun u = CliRun.of("learn", "train", "--model", "nope", "--dataset", data.toString(), "--out",
                dir.resolve("x").toString());
        assertEquals(2, u.code());
        assertTrue(u.err().contains("nope"), u.err());
        assertEquals(1, u.err().strip().lines().count(), u.err());
        CliRun missing = CliRun.of("learn", "train", "--dataset", dir.resolve("none.npz").toString(), "--out",
                dir.resolve("y").toString());
        assertEquals(2, missing.code(), missing.err());
        Path out = dir.resolve("run");
        assertEquals(0, CliRun.of("learn", "train", "--dataset", data.toString(), "--epochs", "1", "--out",
                out.toString(), "--no-progress").code());
        Path d3 = dataset(dir, "three.npz", 3);
        CliRun mism = CliRun.of("learn", "evaluate", "--model-file", out.resolve("model.attr").toString(), "--dataset",
                d3.toString());
        assertEquals(2, mism.code(), mism.err());
        assertTrue(mism.err().contains("dimension"), mism.err());
        CliRun badEpochs = CliRun.of("learn", "train", "--dataset", data.toString(), "--epochs", "0", "--out",
                dir.resolve("z").toString());
        assertEquals(2, badEpochs.code());
    }

    @Test
    void nanDataAndAMatFileWithoutDemosAreOneLineErrors() throws Exception {
        double[] pos = new double[2 * 2 * 30];
        for (int i = 0; i < pos.length; i++) {
            pos[i] = Math.sin(i);
        }
        double[] vel = pos.clone();
        vel[17] = Double.NaN;
        Path nan = dir.resolve("nan.npz");
        Npz.write(nan, Map.of("pos", new NdArray(new int[] {2, 2, 30}, pos), "vel", new NdArray(new int[] {2, 2, 30}, vel)));
        CliRun r = CliRun.of("learn", "train", "--dataset", nan.toString(), "--out", dir.resolve("n").toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("nan.npz") && r.err().toLowerCase().contains("nan"), r.err());
        assertTrue(!Files.exists(dir.resolve("n").resolve("model.attr")), "nothing written");

        Path mat = dir.resolve("NoDemos.mat");
        Mat5.writeToFile(Mat5.newMatFile().addArray("dt", Mat5.newScalar(0.01)), mat.toFile());
        CliRun m = CliRun.of("learn", "train", "--dataset", mat.toString(), "--out", dir.resolve("m").toString());
        assertEquals(2, m.code(), m.err());
        assertEquals(1, m.err().strip().lines().count(), m.err());
        assertTrue(m.err().contains("no variable 'demos'"), m.err());
    }

    @Test
    void standardizationIsStoredWithTheModelAndUsedByEvaluate() throws Exception {
        Path data = dataset(dir, "spiral.npz", 2);
        Path out = dir.resolve("std");
        CliRun r = CliRun.of("learn", "train", "--dataset", data.toString(), "--epochs", "2", "--standardize", "--out",
                out.toString(), "--no-progress");
        assertEquals(0, r.code(), r.err());
        JsonNode s = Json.MAPPER.readTree(r.out());
        CliRun e = CliRun.of("learn", "evaluate", "--model-file", out.resolve("model.attr").toString(), "--dataset",
                data.toString());
        assertEquals(0, e.code(), e.err());
        assertEquals(s.get("dtwd_mean").asDouble(), Json.MAPPER.readTree(e.out()).get("dtwd_mean").asDouble(), 1e-12);
    }
}
