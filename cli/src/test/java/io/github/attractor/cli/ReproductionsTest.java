package io.github.attractor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.attractor.cli.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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

    @Test
    void sequenceReplayQuick(@TempDir Path dir) throws Exception {
        JsonNode j = run(dir, "sequence-replay", true);
        int steps = 0;
        for (JsonNode row : j.get("rows")) {
            if (row.get("case").asText().equals("alpha=(1,2)") && row.get("metric").asText().equals("overlap")) {
                steps++;
                assertTrue(row.get("measured").asDouble() >= 0.95, "step " + row.get("params").get("step"));
            }
        }
        assertEquals(20, steps);
        assertEquals(1.0, value(j, "alpha=(1,2)", "advance_per_step"), 0.0);
        // the note's (1,1) does not follow the sequence: it lags, mixing consecutive patterns
        assertTrue(value(j, "alpha=(1,1)", "advance_per_step") < 0.75);
        assertTrue(value(j, "alpha=(1,1)", "min_overlap") < 0.5);
        assertTrue(value(j, "alpha=(1,1)", "conjugacy_error") < 1e-12);
        assertTrue(value(j, "alpha=(1,2)", "conjugacy_error") < 1e-12);
        // without the transition term dE/dt has no indefinite part: monotone up to integration error
        assertTrue(value(j, "continuous alpha=(1,0)", "energy_max_relative_increase") <= 1e-12);
        // with it, energy (2) rises along these runs (the reproduction's finding, at the default seed)
        assertTrue(value(j, "continuous alpha=(1,1)", "energy_max_relative_increase") > 1e-6);
        assertTrue(value(j, "continuous alpha=(1,1)", "energy_max_rate") > 0);
    }

    @Test
    void classicalCapacity(@TempDir Path dir) throws Exception {
        JsonNode j = run(dir, "classical-capacity", false);
        for (int p = 2; p <= 8; p++) {
            assertTrue(value(j, "P=" + p, "retrieval_fraction") >= 0.95, "P=" + p);
            assertEquals(1.0, value(j, "P=" + p, "fixed_point_fraction"), 0.0, "P=" + p);
        }
        assertTrue(value(j, "P=30", "retrieval_fraction") < 0.5);
        double critical = value(j, "critical_load", "largest_P_retrieved");
        assertTrue(critical >= 10 && critical <= 25, "critical P " + critical);
    }

    @Test
    void lineAttractorQuick(@TempDir Path dir) throws Exception {
        JsonNode j = run(dir, "line-attractor", true);
        java.util.Set<String> examples = new java.util.HashSet<>();
        int fractions = 0;
        for (JsonNode row : j.get("rows")) {
            JsonNode p = row.get("params");
            String metric = row.get("metric").asText();
            double v = row.get("measured").asDouble();
            if (metric.equals("confirmed_by_simulation")) {
                assertEquals(1.0, v, 0.0, row.get("case").asText() + " " + p.get("problems"));
            }
            if (p.has("example")) {
                examples.add(p.get("example").asText());
                if (metric.equals("closed_form_eigenvalue_error")) {
                    assertTrue(v < 1e-12, row.get("case").asText());
                }
                if (metric.equals("fixed_points") && (p.get("example").asText().equals("8")
                        || p.get("example").asText().equals("9"))) {
                    assertEquals(row.get("paper").asDouble(), v, 0.0, "the note's count for " + p.get("example"));
                }
            }
            if (metric.equals("fraction")) {
                fractions++;
                assertTrue(p.get("ci_low").asDouble() <= v && v <= p.get("ci_high").asDouble());
                assertTrue(p.has("sigma") && p.has("type"));
            }
            if (metric.equals("simulation_agreement") || metric.equals("corrected_condition_agreement")) {
                assertEquals(1.0, v, 0.0, row.get("case").asText());
            }
        }
        assertEquals(java.util.Set.of("8", "9", "10", "11"), examples);
        assertTrue(fractions >= 20);
        assertTrue(value(j, "clicks, bounded (2): y = (x1 - x2)/(2 alpha) counts clicks2 - clicks1",
                "max_decoding_error") < 1e-6);
    }

    @Test
    void tlnEnumerationQuick(@TempDir Path dir) throws Exception {
        JsonNode j = run(dir, "tln-enumeration", true);
        for (int n : new int[] {4, 8, 12}) {
            assertEquals(0.0, value(j, "random TLN n=" + n, "missed_stable_fixed_points"), 0.0);
            assertEquals(0.0, value(j, "random TLN n=" + n, "missed_newton_fixed_points"), 0.0);
            assertTrue(value(j, "random TLN n=" + n, "max_residual") < 1e-10);
        }
        assertEquals(0.0, value(j, "ctln 3-cycle", "stable_fixed_points"), 0.0);
        assertTrue(value(j, "ctln 3-cycle limit cycle", "limit_cycle_amplitude") > 0.1);
        assertTrue(value(j, "ctln 3-cycle limit cycle", "limit_cycle_period") > 1);
        assertTrue(value(j, "n=20 enumeration time", "enumeration_seconds") > 0);
    }

    /** The MNIST reproductions run when the reference data is next to the checkout (as on CI); else skipped. */
    private static void assumeMnist() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(
                Path.of("../../shared/data/mnist/t10k-images-idx3-ubyte.gz")), "MNIST reference data absent");
        System.setProperty("attractor.data", "../../shared/data");
    }

    @Test
    void recallAtKQuick(@TempDir Path dir) throws Exception {
        assumeMnist();
        JsonNode j = run(dir, "recall-at-k", true);
        for (JsonNode row : j.get("rows")) {
            if (row.get("metric").asText().equals("recall_at_k")) {
                String c = row.get("case").asText();
                assertEquals(value(j, c, "exact_knn_recall"), row.get("measured").asDouble(), 0.01, c);
            }
        }
        assertTrue(value(j, "sigma=0.1 k=1", "recall_at_k") >= 0.99);
        assertTrue(value(j, "clean queries", "exact_topk_agreement") >= 0.999);
    }

    @Test
    void capacityQuick(@TempDir Path dir) throws Exception {
        assumeMnist();
        JsonNode j = run(dir, "capacity", true);
        for (int n : new int[] {10, 50, 200}) {
            double modern = value(j, "modern N=" + n, "fraction_correct");
            assertEquals(modern, value(j, "khopfield k=1 N=" + n, "fraction_correct"), 0.05, "N=" + n);
            assertTrue(value(j, "khopfield k=5 N=" + n, "fraction_correct")
                    >= value(j, "khopfield k=1 N=" + n, "fraction_correct") - 1e-12, "N=" + n);
        }
    }

    @Test
    void mnistReproductionsWithoutDataAreBadInput(@TempDir Path dir) {
        String old = System.getProperty("attractor.data");
        System.setProperty("attractor.data", dir.resolve("nowhere").toString());
        try {
            CliRun r = CliRun.of("repro", "capacity", "--out", dir.toString(), "--no-progress");
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().contains("attractor: MNIST test images not found"), r.err());
            assertTrue(!Files.exists(dir.resolve("capacity.json")));
        } finally {
            if (old == null) {
                System.clearProperty("attractor.data");
            } else {
                System.setProperty("attractor.data", old);
            }
        }
    }

    @Test
    void theorem1SamplingQuick(@TempDir Path dir) throws Exception {
        JsonNode j = run(dir, "theorem1-sampling", true);
        assertEquals(5, j.get("rows").size());
        for (JsonNode row : j.get("rows")) {
            assertEquals("acceptance_rate", row.get("metric").asText());
            JsonNode p = row.get("params");
            for (String key : new String[] {"units", "density", "scale", "ci_low", "ci_high"}) {
                assertTrue(p.has(key), key);
            }
            double rate = row.get("measured").asDouble();
            assertTrue(p.get("ci_low").asDouble() <= rate && rate <= p.get("ci_high").asDouble());
        }
        double r16 = value(j, "16 units", "acceptance_rate");
        assertTrue(r16 >= 0.003 && r16 <= 0.03, "16 units: " + r16);
    }

    @Test
    void contractionSimulationQuick(@TempDir Path dir) throws Exception {
        JsonNode j = run(dir, "contraction-simulation", true);
        int theorems = 0;
        for (JsonNode row : j.get("rows")) {
            if (row.get("metric").asText().equals("violations")) {
                theorems++;
                assertEquals(0, row.get("measured").asInt(), row.get("case").asText());
                assertTrue(row.get("params").get("networks").asInt() >= 20, row.get("case").asText());
                assertTrue(row.get("params").get("max_distance_over_bound").asDouble() <= 1 + 1e-6);
            }
        }
        assertEquals(5, theorems);
        // the test can fail: uncertified chaotic networks break the claimed bound
        assertTrue(value(j, "control (uncertified)", "networks_violating") > 0);
    }

    @Test
    void theorem7ChangesSignBetween1point5And3(@TempDir Path dir) throws Exception {
        JsonNode j = run(dir, "theorem7", true);
        for (JsonNode row : j.get("rows")) {
            if (row.get("metric").asText().equals("best_metric_max_eigenvalue")) {
                double c = row.get("params").get("c").asDouble();
                double v = row.get("measured").asDouble();
                assertEquals(row.get("params").get("exact").asDouble(), v, 1e-9, "c=" + c);
                if (c <= 1.5) {
                    assertTrue(v < 0, "c=" + c);
                }
                if (c >= 3) {
                    assertTrue(v > 0, "c=" + c);
                }
            }
        }
        assertEquals(2, value(j, "threshold", "sign_change_c"), 1e-3);
    }

    @Test
    void combinationQuick(@TempDir Path dir) throws Exception {
        JsonNode j = run(dir, "combination", true);
        assertTrue(value(j, "assembly", "certificate_margin") > 0);
        assertTrue(value(j, "assembly", "max_vertex_measure") <= -value(j, "assembly", "certificate_margin") + 1e-9);
        assertEquals(0, value(j, "simulation", "violations"));
    }

    @Test
    void transformToyOnlyTheLinearTransformFits(@TempDir Path dir) throws Exception {
        JsonNode j = run(dir, "transform-toy", true);
        double none = Double.NaN;
        double linear = Double.NaN;
        for (JsonNode row : j.get("rows")) {
            if (row.get("metric").asText().equals("fit_mse")) {
                if (row.get("params").get("transform").asText().equals("none")) {
                    none = row.get("measured").asDouble();
                } else {
                    linear = row.get("measured").asDouble();
                }
            }
        }
        assertTrue(linear < none / 5, "none " + none + " linear " + linear);
    }

    @Test
    void elcdTableQuickFollowsTheOutputContract(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("../../shared/data/lasa"))
                && Files.isDirectory(Path.of("../../shared/data/elcd")), "LASA / ELCD reference data absent");
        System.setProperty("attractor.data", "../../shared/data");
        JsonNode j = run(dir, "elcd-table", true);
        assertEquals("elcd-table", j.get("name").asText());
        Map<String, Double> paper = Map.of("LASA-2D/ELCD", 0.12, "Pendulum-4D/EFlow", 0.17, "Rosenbrock-8D/NCDS", 2.74);
        int dtwdRows = 0;
        for (JsonNode row : j.get("rows")) {
            String metric = row.get("metric").asText();
            String key = row.get("params").get("dataset").asText() + "/" + row.get("params").get("model").asText();
            switch (metric) {
                case "dtwd" -> {
                    dtwdRows++;
                    assertTrue(row.get("measured").asDouble() > 0, row.toString());
                    assertTrue(row.get("sd").isNumber(), row.toString());
                    if (paper.containsKey(key)) {
                        assertEquals(paper.get(key), row.get("paper").asDouble(), 0.0, key);
                    }
                    if (key.equals("Rosenbrock-8D/SDD")) {
                        assertTrue(row.get("paper").isNull(), "the paper prints NaN");
                    }
                }
                case "sym_bound" -> assertTrue(row.get("measured").asDouble() <= 1e-12, row.toString());
                case "far_converged" -> assertEquals(1.0, row.get("measured").asDouble(), 0.0, row.toString());
                default -> throw new AssertionError("unexpected metric " + metric);
            }
        }
        assertEquals(3 * 4, dtwdRows);
        assertTrue(Files.size(dir.resolve("elcd-table-lasa.png")) > 1000);
    }
}
