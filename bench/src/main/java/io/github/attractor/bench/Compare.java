package io.github.attractor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.attractor.core.ode.Integrator;
import io.github.attractor.core.ode.Trajectory;
import io.github.attractor.memory.ksoftmax.KSoftmax;
import io.github.attractor.memory.modern.ModernHopfield;
import io.github.attractor.memory.store.MemoryStore;
import io.github.attractor.memory.store.Similarity;
import io.github.attractor.memory.store.TopK;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/**
 * The benchmark command: runs the JMH benchmarks of this module (one fork each), runs the Python peers
 * ({@code bench/python/*_peer.py}: {@code scipy.integrate.solve_ivp}, RK45, atol = rtol = 1e-8, numpy
 * right-hand side; numpy's and torch's float32 GEMMs for {@code sgemm}; torch's Hopfield update and k-softmax
 * bisection and FAISS's exact inner-product search for {@code retrieval}) with Debian's python3, and prints
 * our time, the peer's time and the ratio peer / ours for each benchmark, against the goal of the issue;
 * the same goes to {@code bench/results/compare.json}. Timings are medians over the measurement iterations.
 */
public final class Compare {
    private static final String USAGE = """
            Usage: bench/run [options]      (or: java -jar bench/target/attractor-bench.jar [options])

            Runs the JMH benchmarks of attractor-bench and their scipy peers, and prints
            ours / peer / ratio (peer time ÷ our time, > 1 means we are faster) per benchmark.

              --quick            fewer JMH iterations, a smaller peer sample (about 2 minutes
                                 instead of 5)
              --only LIST        comma-separated subset of: krotov, sweep, matvec, sgemm,
                                 retrieval, contraction, elcd   (default: all)
              --no-peers         JMH only, skip the Python peers
              --no-jmh           peers only (ours is then missing from the table)
              --python PATH      the python3 that has numpy and scipy (default: $ATTRACTOR_PYTHON,
                                 else Debian's /usr/bin/python3)
              --sweep-subset K   networks the sweep peer actually times (default 300, quick 100);
                                 its 10,000-network figure is extrapolated unless K = 10000
              --scripts DIR      where the peer scripts are (default: bench/python next to the jar)
              --results FILE     JSON output (default: bench/results/compare.json next to the jar)
              --help             this text
            """;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private boolean quick;
    private static final List<String> GROUPS = List.of("krotov", "sweep", "matvec", "sgemm", "retrieval", "contraction",
            "elcd");

    private Set<String> only = new LinkedHashSet<>(GROUPS);
    private boolean peers = true;
    private boolean jmh = true;
    private String python;
    private Integer sweepSubset;
    private Path scripts;
    private Path results;

    public static void main(String[] args) throws Exception {
        Compare c = new Compare();
        try {
            if (!c.parse(args)) {
                return;
            }
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
        System.exit(c.run());
    }

    private boolean parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-h", "--help" -> {
                    System.out.print(USAGE);
                    return false;
                }
                case "--quick" -> quick = true;
                case "--no-peers" -> peers = false;
                case "--no-jmh" -> jmh = false;
                case "--only" -> {
                    only = new LinkedHashSet<>();
                    for (String s : value(args, ++i, a).split(",")) {
                        String k = s.trim().toLowerCase(Locale.ROOT);
                        if (!GROUPS.contains(k)) {
                            throw usage("unknown benchmark '" + s + "' in --only (known: " + String.join(", ", GROUPS) + ")");
                        }
                        only.add(k);
                    }
                }
                case "--python" -> python = value(args, ++i, a);
                case "--sweep-subset" -> sweepSubset = Integer.parseInt(value(args, ++i, a));
                case "--scripts" -> scripts = Paths.get(value(args, ++i, a));
                case "--results" -> results = Paths.get(value(args, ++i, a));
                default -> throw usage("unknown option '" + a + "'");
            }
        }
        return true;
    }

    private static String value(String[] args, int i, String opt) {
        if (i >= args.length) {
            throw usage(opt + " needs a value");
        }
        return args[i];
    }

    private static IllegalArgumentException usage(String msg) {
        System.err.print(USAGE);
        return new IllegalArgumentException(msg);
    }

    private int run() throws Exception {
        Path benchDir = benchDir();
        if (scripts == null) {
            scripts = benchDir.resolve("python");
        }
        if (results == null) {
            results = benchDir.resolve("results").resolve("compare.json");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("date", Instant.now().toString());
        out.put("machine", machine());
        out.put("quick", quick);

        Map<String, Measured> ours = new LinkedHashMap<>();
        Map<String, Double> load = new LinkedHashMap<>();
        if (jmh) {
            for (String group : groups()) {
                CpuLoad l = CpuLoad.start();
                try {
                    ours.putAll(runJmh(group));
                } catch (RunnerException e) {
                    System.out.println("JMH group " + group + " FAILED: " + e.getMessage());
                }
                load.put("ours:" + group, l.othersCores());
            }
        }
        Map<String, Object> counts = ourCounts();

        Map<String, JsonNode> peer = new LinkedHashMap<>();
        String py = peers ? findPython() : null;
        if (py != null) {
            out.put("python", py);
            if (only.contains("krotov") || only.contains("matvec")) {
                CpuLoad l = CpuLoad.start();
                peer.put("krotov", runPeer(py, "krotov_hopfield_peer.py", "--repeats", quick ? "3" : "7"));
                load.put("peer:krotov", l.othersCores());
            }
            if (only.contains("sweep")) {
                int subset = sweepSubset != null ? sweepSubset : quick ? 100 : 300;
                CpuLoad l = CpuLoad.start();
                peer.put("sweep", runPeer(py, "sweep_peer.py", "--subset", Integer.toString(subset)));
                load.put("peer:sweep", l.othersCores());
            }
            if (only.contains("sgemm") || only.contains("retrieval")) {
                // One run of the retrieval peer: the GEMMs for sgemm, the update / k-softmax / top-k for retrieval.
                List<String> parts = new ArrayList<>();
                if (only.contains("sgemm")) {
                    parts.add("gemm");
                }
                if (only.contains("retrieval")) {
                    parts.addAll(List.of("update", "ksoftmax", "topk"));
                }
                CpuLoad l = CpuLoad.start();
                peer.put("retrieval", runPeer(py, "retrieval_peer.py", "--repeats", quick ? "3" : "7",
                        "--ksoftmax-repeats", quick ? "1" : "3", "--parts", String.join(",", parts)));
                load.put("peer:retrieval", l.othersCores());
            }
            if (only.contains("contraction")) {
                Path modules = results.toAbsolutePath().getParent().resolve("theorem1-modules.npy");
                writeModules(modules);
                CpuLoad l = CpuLoad.start();
                peer.put("theorem1", runPeer(py, "theorem1_peer.py", "--modules", modules.toString(), "--repeats",
                        quick ? "2" : "5"));
                load.put("peer:theorem1", l.othersCores());
            }
            if (only.contains("elcd")) {
                CpuLoad l = CpuLoad.start();
                peer.put("elcd", runPeer(py, "elcd_peer.py", "--threads", "2", "--repeats", quick ? "3" : "7"));
                load.put("peer:elcd", l.othersCores());
            }
        }
        out.put("other_processes_cores", load);

        List<Row> rows = rows(ours, peer, load);
        printTable(rows, counts, peer);

        out.put("rows", rows.stream().map(Row::toMap).toList());
        out.put("counts", counts);
        Map<String, Object> jmhOut = new LinkedHashMap<>();
        ours.forEach((k, m) -> jmhOut.put(k, m.toMap()));
        out.put("jmh", jmhOut);
        out.put("peers", peer);
        Files.createDirectories(results.toAbsolutePath().getParent());
        JSON.writeValue(results.toFile(), out);
        System.out.println("\nwritten " + results);
        return 0;
    }

    // ---------------------------------------------------------------- JMH

    /** A JMH result: median and the raw per-iteration times, in seconds per op. */
    record Measured(String benchmark, double median, double min, double max, double[] samples) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("benchmark", benchmark);
            m.put("median_s", median);
            m.put("min_s", min);
            m.put("max_s", max);
            m.put("samples_s", samples);
            return m;
        }
    }

    /** The JMH groups to run, in order. */
    private List<String> groups() {
        return new ArrayList<>(only);
    }

    private Map<String, Measured> runJmh(String group) throws RunnerException {
        ChainedOptionsBuilder b = new OptionsBuilder().forks(1).shouldFailOnError(true);
        switch (group) {
            case "krotov" -> b.include(KrotovHopfieldBench.class.getName() + ".integrate$");
            case "sweep" -> b.include(SweepBench.class.getName() + ".(parallel|sequential)$");
            case "matvec" -> b.include(MatVecBench.class.getName() + ".(multiply|rhs)$");
            case "sgemm" -> b.include(SgemmBench.class.getName() + ".(scores|readout|scoresOneCore|readoutOneCore)$");
            case "retrieval" -> b.include(RetrievalBench.class.getName() + ".(update|ksoftmax|topk)$");
            case "contraction" -> b.include(ContractionBench.class.getName() + ".(decide|certify|enumerate20)$");
            case "elcd" -> b.include(ElcdBench.class.getName() + ".epoch$");
            default -> throw new IllegalArgumentException(group);
        }
        if (quick) {
            b.warmupIterations(2).measurementIterations(3);
            b.warmupTime(TimeValue.milliseconds(500)).measurementTime(TimeValue.milliseconds(500));
        }
        System.out.println("\n### JMH: " + group);
        Collection<RunResult> rs = new Runner(b.build()).run();
        Map<String, Measured> out = new LinkedHashMap<>();
        for (RunResult r : rs) {
            String name = r.getParams().getBenchmark();
            String simple = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            List<String> ps = new ArrayList<>();
            for (String k : r.getParams().getParamsKeys()) {
                ps.add(k + "=" + r.getParams().getParam(k));
            }
            String key = simple + (ps.isEmpty() ? "" : "[" + String.join(",", ps) + "]");
            double scale = toSeconds(r.getParams().getTimeUnit());
            Statistics st = r.getPrimaryResult().getStatistics();
            List<Double> samples = new ArrayList<>();
            r.getBenchmarkResults().forEach(br -> br.getIterationResults()
                    .forEach(ir -> samples.add(ir.getPrimaryResult().getScore() * scale)));
            out.put(key, new Measured(key, st.getPercentile(50) * scale, st.getMin() * scale, st.getMax() * scale,
                    samples.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return out;
    }

    private static double toSeconds(TimeUnit unit) {
        return unit.toNanos(1) * 1e-9;
    }

    // ---------------------------------------------------------------- our step counts

    /**
     * Steps and right-hand-side evaluations on our side, for the same problems (one integration outside
     * JMH), so that the comparison with the peer's {@code len(t) - 1} and {@code nfev} is visible.
     */
    private Map<String, Object> ourCounts() {
        Map<String, Object> c = new LinkedHashMap<>();
        Integrator in = Problems.integrator();
        if (only.contains("krotov")) {
            Problems.Problem p = Problems.krotov(Problems.KROTOV_N, Problems.KROTOV_SEED);
            Trajectory tr = in.integrate(p.model(), p.y0(), 0.0, Problems.KROTOV_T1);
            Map<String, Object> k = new LinkedHashMap<>();
            k.put("steps", tr.size() - 1);
            k.put("nfev", tr.evaluations());
            k.put("final_residual", tr.finalResidualNorm());
            double[] y = tr.finalState();
            k.put("final_state_head", new double[] {y[0], y[1], y[2], y[3]});
            c.put("krotov", k);
        }
        if (only.contains("sweep")) {
            Problems.Problem[] ps = Problems.sweep(Problems.SWEEP_COUNT, Problems.SWEEP_N, Problems.SWEEP_SEED);
            int subset = Math.min(ps.length, sweepSubset != null ? sweepSubset : quick ? 100 : 300);
            AtomicLong steps = new AtomicLong();
            AtomicLong nfev = new AtomicLong();
            long[] subSteps = new long[subset];
            long[] subNfev = new long[subset];
            double[] sums = new double[subset];
            IntStream.range(0, ps.length).parallel().forEach(k -> {
                Trajectory tr = in.integrate(ps[k].model(), ps[k].y0(), 0.0, Problems.SWEEP_T1);
                steps.addAndGet(tr.size() - 1);
                nfev.addAndGet(tr.evaluations());
                if (k < subset) {
                    subSteps[k] = tr.size() - 1;
                    subNfev[k] = tr.evaluations();
                    sums[k] = Problems.finalSum(tr);
                }
            });
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("networks", ps.length);
            s.put("steps", steps.get());
            s.put("nfev", nfev.get());
            s.put("steps_per_network", steps.get() / (double) ps.length);
            s.put("nfev_per_network", nfev.get() / (double) ps.length);
            s.put("subset", subset);
            s.put("subset_steps", java.util.Arrays.stream(subSteps).sum());
            s.put("subset_nfev", java.util.Arrays.stream(subNfev).sum());
            s.put("subset_checksum", java.util.Arrays.stream(sums).sum());
            c.put("sweep", s);
        }
        if (only.contains("sgemm")) {
            c.put("sgemm", sgemmCounts());
        }
        if (only.contains("retrieval")) {
            c.put("retrieval", retrievalCounts());
        }
        if (only.contains("contraction")) {
            int accepted = 0;
            for (org.ejml.data.DMatrixRMaj w : Problems.theorem1Modules()) {
                accepted += io.github.attractor.analysis.contraction.AbsoluteValueRestricted.check(w, 1).holds() ? 1 : 0;
            }
            c.put("contraction", Map.of("modules", Problems.THEOREM1_MODULES, "accepted", accepted));
        }
        return c;
    }

    /** The Theorem-1 modules as a K×n×n float64 .npy, for the peer. */
    private static void writeModules(Path file) throws IOException {
        org.ejml.data.DMatrixRMaj[] ms = Problems.theorem1Modules();
        int n = Problems.THEOREM1_UNITS;
        double[] all = new double[ms.length * n * n];
        for (int k = 0; k < ms.length; k++) {
            System.arraycopy(ms[k].data, 0, all, k * n * n, n * n);
        }
        Files.createDirectories(file.getParent());
        io.github.attractor.data.npy.Npy.write(file, new io.github.attractor.data.array.NdArray(new int[] {ms.length, n, n}, all));
    }

    /**
     * What our retrieval calls return on the benchmark problem, for comparison with the peer's: the sum and first
     * entries of the updated queries, the ν-free check of the k-softmax (the column sums of the first query, each
     * 1), and the top-8 indices (sum over all queries, first query's, recall@1 against the query sources).
     */
    private static Map<String, Object> retrievalCounts() {
        Problems.Retrieval p = Problems.retrieval();
        int b = p.batch();
        int n = p.n();
        int k = RetrievalBench.K;
        MemoryStore store = MemoryStore.ofFloat(p.xi(), n, p.d());
        float[] x = new float[b * p.d()];
        ModernHopfield.ramsauer(store, Problems.retrievalBeta(p.d())).update(p.queries().q(), b, x);
        float[] columns = new float[n * k];
        KSoftmax.rows(Problems.betaScores(p), 1, n, k, columns);
        double[] columnSums = new double[k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                columnSums[j] += columns[i * k + j];
            }
        }
        TopK top = store.topK(Similarity.DOT, p.queries().q(), b, k);
        long indexSum = 0;
        int hits = 0;
        for (int q = 0; q < b; q++) {
            for (int i = 0; i < k; i++) {
                indexSum += top.index(q, i);
            }
            hits += top.index(q, 0) == p.queries().sources()[q] ? 1 : 0;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("update_checksum", sum(x));
        m.put("update_head", head(x));
        m.put("ksoftmax_column_sums_head", columnSums);
        m.put("topk_index_checksum", indexSum);
        m.put("topk_index_head", top.indicesOf(0));
        m.put("topk_recall_at_1", hits / (double) b);
        return m;
    }

    /**
     * Checksums of our two GEMMs on the retrieval problem (float64 sums of all entries, first entries) and of
     * its data, for comparison with the peer's: they agree when both sides generated the same matrices.
     */
    private static Map<String, Object> sgemmCounts() {
        Problems.Retrieval p = Problems.retrieval();
        float[] r = new float[p.batch() * p.d()];
        io.github.attractor.core.linalg.Sgemm.multiply(p.weights(), p.batch(), p.n(), p.xi(), p.d(), r);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("patterns_checksum", sum(p.xi()));
        m.put("queries_checksum", sum(p.queries().q()));
        m.put("sources_head", java.util.Arrays.copyOf(p.queries().sources(), 4));
        m.put("scores_checksum", sum(p.scores()));
        m.put("scores_head", head(p.scores()));
        m.put("readout_checksum", sum(r));
        m.put("readout_head", head(r));
        m.put("flops", 2.0 * p.batch() * p.n() * p.d());
        return m;
    }

    private static double sum(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x;
        }
        return s;
    }

    private static double[] head(float[] v) {
        return new double[] {v[0], v[1], v[2], v[3]};
    }

    // ---------------------------------------------------------------- peers

    private String findPython() {
        List<String> candidates = new ArrayList<>();
        if (python != null) {
            candidates.add(python);
        } else {
            String env = System.getenv("ATTRACTOR_PYTHON");
            if (env != null && !env.isBlank()) {
                candidates.add(env);
            }
            candidates.add("/usr/bin/python3"); // Debian's interpreter, where python3-numpy/-scipy install
        }
        for (String c : candidates) {
            try {
                Process p = new ProcessBuilder(c, "-c", "import numpy, scipy, scipy.integrate, scipy.special; "
                        + "print(numpy.__version__, scipy.__version__)").redirectErrorStream(true).start();
                String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    System.out.println("peers: " + c + " (numpy, scipy " + text + ")");
                    return c;
                }
                System.out.println("peers: " + c + " cannot import numpy/scipy: " + lastLine(text));
            } catch (IOException e) {
                System.out.println("peers: cannot run " + c + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        System.out.println("""
                peers: SKIPPED. The Python peers need Debian's python3 with numpy and scipy:
                    sudo apt-get update && sudo apt-get install -y python3-numpy python3-scipy
                (sgemm's peer also needs python3-torch and python3-faiss; or point --python / $ATTRACTOR_PYTHON at an interpreter that has them).""");
        return null;
    }

    private JsonNode runPeer(String py, String script, String... args) throws IOException, InterruptedException {
        Path file = scripts.resolve(script);
        List<String> cmd = new ArrayList<>(List.of(py, "-B", file.toString())); // -B: no __pycache__ in bench/python
        cmd.addAll(List.of(args));
        System.out.println("\npeer: " + String.join(" ", cmd));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String json = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("{")) {
                    json = line;
                } else {
                    System.out.println("  " + line);
                }
            }
        }
        if (!p.waitFor(15, TimeUnit.MINUTES) || p.exitValue() != 0 || json == null) {
            System.out.println("peer " + script + " failed (exit " + (p.isAlive() ? "timeout" : p.exitValue()) + ")");
            return null;
        }
        System.out.println("  " + json);
        return JSON.readTree(json);
    }

    // ---------------------------------------------------------------- table

    /** One line of the table; {@code goal} is the ratio to reach (NaN: informational). */
    record Row(String benchmark, double ours, double peer, double goal, String note) {
        double ratio() {
            return peer / ours;
        }

        String met() {
            if (Double.isNaN(goal)) {
                return "-";
            }
            if (Double.isNaN(ratio())) {
                return "?";
            }
            return ratio() >= goal ? "yes" : "NO";
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("benchmark", benchmark);
            m.put("ours_s", finite(ours));
            m.put("peer_s", finite(peer));
            m.put("ratio_peer_over_ours", finite(ratio()));
            m.put("goal", finite(goal));
            m.put("met", met());
            m.put("note", note);
            return m;
        }

        private static Double finite(double v) {
            return Double.isFinite(v) ? v : null;
        }
    }

    private List<Row> rows(Map<String, Measured> ours, Map<String, JsonNode> peer, Map<String, Double> load) {
        List<Row> rows = new ArrayList<>();
        JsonNode k = peer.get("krotov");
        JsonNode s = peer.get("sweep");
        String lk = loadNote(load, "krotov", "krotov");
        String ls = loadNote(load, "sweep", "sweep");
        String lm = loadNote(load, "matvec", "krotov");
        if (only.contains("krotov")) {
            rows.add(new Row("Krotov-Hopfield N=1000, t in [0,200]", med(ours, "KrotovHopfieldBench.integrate"),
                    num(k, "seconds"), 1.0, lk));
        }
        if (only.contains("sweep")) {
            boolean extrapolated = s != null && s.path("extrapolated").asBoolean(false);
            String peerNote = s == null ? "" : extrapolated
                    ? "; peer EXTRAPOLATED from " + s.path("measured_networks").asInt() + " networks"
                    : "; peer measured on all networks";
            rows.add(new Row("sweep 10,000 x N=20, t in [0,50], 2 cores", med(ours, "SweepBench.parallel[count=10000]"),
                    num(s, "seconds"), 20.0, ls + peerNote));
            rows.add(new Row("sweep, ours on 1 core (reference)", med(ours, "SweepBench.sequential[count=10000]"),
                    num(s, "seconds"), Double.NaN, "peer is 1 core too"));
        }
        if (only.contains("sgemm")) {
            JsonNode g = peer.get("retrieval");
            String lg = loadNote(load, "sgemm", "retrieval");
            double flops = 2.0 * Problems.RETRIEVAL_BATCH * Problems.RETRIEVAL_PATTERNS * Problems.RETRIEVAL_DIM;
            // m x k x n: C (m x n) = A (m x k) times B (k x n), or A times B^T for the scores
            for (String[] gemm : new String[][] {{"scores", "Q Xi^T 256x784x50000"}, {"readout", "P Xi 256x50000x784"}}) {
                double two = med(ours, "SgemmBench." + gemm[0]);
                double one = med(ours, "SgemmBench." + gemm[0] + "OneCore");
                for (String lib : new String[] {"numpy", "torch"}) {
                    double p = numAt(g, "/gemm/" + gemm[0] + "_" + lib + "/seconds");
                    rows.add(new Row("sgemm " + gemm[1] + ", 2 cores vs " + lib, two, p, Double.NaN,
                            gflops(flops, two, p) + "; " + lg));
                }
                double p = numAt(g, "/gemm/" + gemm[0] + "_numpy/seconds");
                rows.add(new Row("sgemm " + gemm[1] + ", ours 1 core (reference)", one, p, Double.NaN,
                        gflops(flops, one, p) + "; numpy on 2 threads"));
            }
        }
        if (only.contains("retrieval")) {
            JsonNode g = peer.get("retrieval");
            String lr = loadNote(load, "retrieval", "retrieval");
            double flops = 4.0 * Problems.RETRIEVAL_BATCH * Problems.RETRIEVAL_PATTERNS * Problems.RETRIEVAL_DIM;
            double up = med(ours, "RetrievalBench.update");
            double upPeer = numAt(g, "/update/seconds");
            rows.add(new Row("Hopfield update B=256, N=50000, d=784 vs torch", up, upPeer, 1.0,
                    queriesPerSecond(up, upPeer) + "; " + gflops(flops, up, upPeer) + "; " + lr));
            double ks = med(ours, "RetrievalBench.ksoftmax");
            double ksPeer = numAt(g, "/ksoftmax/seconds");
            rows.add(new Row("k-softmax k=8 of B x N scores vs torch bisection", ks, ksPeer, 3.0,
                    queriesPerSecond(ks, ksPeer) + "; " + lr));
            double tk = med(ours, "RetrievalBench.topk");
            rows.add(new Row("top-8 by dot product vs FAISS IndexFlatIP", tk, numAt(g, "/topk/seconds"), 0.5,
                    queriesPerSecond(tk, numAt(g, "/topk/seconds")) + "; goal: within 2x; " + lr));
            rows.add(new Row("top-8 by dot product vs torch.topk(q xi^T)", tk, numAt(g, "/topk/torch_topk_seconds"),
                    Double.NaN, queriesPerSecond(tk, numAt(g, "/topk/torch_topk_seconds"))));
        }
        if (only.contains("elcd")) {
            JsonNode e = peer.get("elcd");
            double peerS = e == null ? Double.NaN : num(e, "epoch_ms") / 1e3;
            rows.add(new Row("ELCD+flow, one epoch, 7x985 2-D samples, batch 100, Adam vs torch (2 threads)",
                    med(ours, "ElcdBench.epoch"), peerS, 3.0, "both: central-difference JVP; "
                    + loadNote(load, "elcd", "elcd")));
        }
        if (only.contains("contraction")) {
            JsonNode t = peer.get("theorem1");
            String lc = loadNote(load, "contraction", "theorem1");
            double checks = Problems.THEOREM1_MODULES;
            double decide = med(ours, "ContractionBench.decide");
            double certify = med(ours, "ContractionBench.certify");
            double tp = num(t, "seconds");
            rows.add(new Row("Theorem-1 checks, 10,000 x 16x16 modules vs numpy eigvals", decide, tp, 5.0,
                    checksPerSecond(checks, decide, tp) + "; " + lc));
            rows.add(new Row("Theorem-1 full certificates (metric, rate) vs same", certify, tp, Double.NaN,
                    checksPerSecond(checks, certify, tp)));
            rows.add(new Row("TLN fixed points by support, n = 20 (2^20 supports)", med(ours, "ContractionBench.enumerate20"),
                    Double.NaN, Double.NaN, "no peer; random competitive network, single shot"));
        }
        if (only.contains("matvec")) {
            rows.add(new Row("mat-vec 1000x1000: Network.multiply vs W @ x", med(ours, "MatVecBench.multiply[n=1000]"),
                    num(k, "matvec_seconds"), Double.NaN, lm));
            rows.add(new Row("right-hand side N=1000: evaluate vs numpy", med(ours, "MatVecBench.rhs[n=1000]"),
                    num(k, "rhs_seconds"), Double.NaN, "W sigma(y) - y + b"));
            rows.add(new Row("mat-vec 20x20", med(ours, "MatVecBench.multiply[n=20]"), num(k, "matvec20_seconds"),
                    Double.NaN, "numpy's per-call overhead dominates"));
            rows.add(new Row("right-hand side N=20", med(ours, "MatVecBench.rhs[n=20]"), Double.NaN, Double.NaN, ""));
        }
        return rows;
    }

    private static String loadNote(Map<String, Double> load, String ours, String peer) {
        Double a = load.get("ours:" + ours);
        Double b = load.get("peer:" + peer);
        if (a == null && b == null) {
            return "";
        }
        return String.format(Locale.ROOT, "other load %s/%s cores", a == null ? "-" : String.format(Locale.ROOT, "%.1f", a),
                b == null ? "-" : String.format(Locale.ROOT, "%.1f", b));
    }

    private static double med(Map<String, Measured> ours, String key) {
        Measured m = ours.get(key);
        return m == null ? Double.NaN : m.median();
    }

    private static double num(JsonNode n, String field) {
        return n == null || !n.has(field) || n.get(field).isNull() ? Double.NaN : n.get(field).asDouble();
    }

    /** The number at a JSON pointer ({@code /gemm/scores_numpy/seconds}), or NaN. */
    private static double numAt(JsonNode n, String pointer) {
        if (n == null) {
            return Double.NaN;
        }
        JsonNode v = n.at(pointer);
        return v.isNumber() ? v.asDouble() : Double.NaN;
    }

    /** "checks/s ours a, peer b" for k checks per call. */
    private static String checksPerSecond(double k, double ours, double peer) {
        return String.format(Locale.ROOT, "checks/s ours %s, peer %s", Double.isNaN(ours) ? "-"
                : String.format(Locale.ROOT, "%.0f", k / ours), Double.isNaN(peer) ? "-" : String.format(Locale.ROOT,
                "%.0f", k / peer));
    }

    /** "queries/s ours a, peer b" for a batch of {@link Problems#RETRIEVAL_BATCH} queries per call. */
    private static String queriesPerSecond(double ours, double peer) {
        double b = Problems.RETRIEVAL_BATCH;
        return String.format(Locale.ROOT, "queries/s ours %s, peer %s", Double.isNaN(ours) ? "-"
                : String.format(Locale.ROOT, "%.0f", b / ours), Double.isNaN(peer) ? "-" : String.format(Locale.ROOT,
                "%.0f", b / peer));
    }

    /** "GFLOPS ours a, peer b" for a product of {@code flops} flops. */
    private static String gflops(double flops, double ours, double peer) {
        return String.format(Locale.ROOT, "GFLOPS ours %s, peer %s", Double.isNaN(ours) ? "-" : String.format(Locale.ROOT,
                "%.0f", flops / ours * 1e-9), Double.isNaN(peer) ? "-" : String.format(Locale.ROOT, "%.0f", flops / peer * 1e-9));
    }

    private void printTable(List<Row> rows, Map<String, Object> counts, Map<String, JsonNode> peer) {
        System.out.println();
        System.out.println("=".repeat(140));
        System.out.printf(Locale.ROOT, "%-56s %11s %11s %10s %6s %4s  %s%n", "benchmark", "ours", "peer",
                "peer/ours", "goal", "met", "note");
        System.out.println("-".repeat(140));
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, "%-56s %11s %11s %10s %6s %4s  %s%n", r.benchmark(), time(r.ours()),
                    time(r.peer()), Double.isNaN(r.ratio()) ? "-" : String.format(Locale.ROOT, "%.2fx", r.ratio()),
                    Double.isNaN(r.goal()) ? "-" : String.format(Locale.ROOT, r.goal() == Math.rint(r.goal()) ? ">=%.0fx" : ">=%.1fx", r.goal()), r.met(), r.note());
        }
        System.out.println("-".repeat(140));
        System.out.println("times are medians; ratio = peer time / our time (> 1: we are faster); \"other load a/b\": cores"
                + " kept busy by other processes while ours / the peer ran (2 cores in all)");
        if (counts.get("krotov") instanceof Map<?, ?> kc) {
            JsonNode k = peer.get("krotov");
            System.out.printf(Locale.ROOT, "Krotov-Hopfield N=1000: steps ours %s, peer %s; RHS evaluations ours %s, peer %s%n",
                    kc.get("steps"), k == null ? "-" : k.path("steps").asText(), kc.get("nfev"),
                    k == null ? "-" : k.path("nfev").asText());
        }
        if (counts.get("sgemm") instanceof Map<?, ?> gc) {
            printSgemm(gc, peer.get("retrieval"));
        }
        if (counts.get("retrieval") instanceof Map<?, ?> rc) {
            printRetrieval(rc, peer.get("retrieval"));
        }
        if (counts.get("contraction") instanceof Map<?, ?> cc) {
            JsonNode t = peer.get("theorem1");
            System.out.printf(Locale.ROOT, "Theorem 1: modules accepted ours %s, numpy %s (of %s)%n", cc.get("accepted"),
                    t == null ? "-" : t.path("accepted").asText(), cc.get("modules"));
        }
        if (counts.get("sweep") instanceof Map<?, ?> sc) {
            JsonNode s = peer.get("sweep");
            System.out.printf(Locale.ROOT, "sweep: per network, steps ours %.1f, RHS evaluations ours %.1f (all %s networks)%n",
                    (Double) sc.get("steps_per_network"), (Double) sc.get("nfev_per_network"), sc.get("networks"));
            if (s != null) {
                System.out.printf(Locale.ROOT, "sweep, the same first %d networks: steps ours %s, peer %s; RHS evaluations ours %s, "
                        + "peer %s; sum of final states ours %.9f, peer %.9f%n", s.path("measured_networks").asInt(),
                        sc.get("subset_steps"), s.path("steps").asText(), sc.get("subset_nfev"), s.path("nfev").asText(),
                        (Double) sc.get("subset_checksum"), s.path("checksum").asDouble());
                if (s.path("extrapolated").asBoolean(false)) {
                    System.out.printf(Locale.ROOT, "NOTE: the peer's sweep time is EXTRAPOLATED: %.3f s measured for %d networks, "
                            + "x %d / %d%n", s.path("measured_seconds").asDouble(), s.path("measured_networks").asInt(),
                            s.path("networks").asInt(), s.path("measured_networks").asInt());
                }
            }
        }
    }

    /** The sgemm group's data and result checksums, ours against the peer's, and the peer's retrieval figures. */
    private static void printSgemm(Map<?, ?> gc, JsonNode g) {
        System.out.printf(Locale.ROOT, "sgemm data: sum of patterns ours %.6f, peer %s; sum of queries ours %.6f, peer %s; "
                + "query sources ours %s, peer %s%n", (Double) gc.get("patterns_checksum"), fixed(g, "/data_checksums/patterns"),
                (Double) gc.get("queries_checksum"), fixed(g, "/data_checksums/queries"),
                java.util.Arrays.toString((int[]) gc.get("sources_head")),
                g == null ? "-" : g.at("/data_checksums/sources_head").toString().replace(",", ", "));
        System.out.printf(Locale.ROOT, "sgemm results: sum of Q Xi^T ours %.6e, numpy %s; sum of P Xi ours %.6f, numpy %s%n",
                (Double) gc.get("scores_checksum"), g == null ? "-" : String.format(Locale.ROOT, "%.6e",
                        g.at("/gemm/scores_numpy/checksum").asDouble()), (Double) gc.get("readout_checksum"),
                g == null ? "-" : String.format(Locale.ROOT, "%.6f", g.at("/gemm/readout_numpy/checksum").asDouble()));
    }

    /** The retrieval group's results, ours against the peers': they agree when both sides computed the same. */
    private static void printRetrieval(Map<?, ?> rc, JsonNode g) {
        System.out.printf(Locale.ROOT, "retrieval update: sum of X+ ours %.6f, torch %s%n", (Double) rc.get("update_checksum"),
                fixed(g, "/update/checksum"));
        System.out.printf(Locale.ROOT, "retrieval k-softmax: column sums of query 0 ours %s, torch %s%n",
                java.util.Arrays.toString((double[]) rc.get("ksoftmax_column_sums_head")),
                g == null ? "-" : g.at("/ksoftmax/column_sums_head").toString());
        System.out.printf(Locale.ROOT, "retrieval top-8: index sum ours %s, FAISS %s; query 0 ours %s, FAISS %s; recall@1 ours "
                + "%.3f, FAISS %s%n", rc.get("topk_index_checksum"), g == null ? "-" : g.at("/topk/index_checksum").asText(),
                java.util.Arrays.toString((int[]) rc.get("topk_index_head")), g == null ? "-" : g.at("/topk/index_head").toString(),
                (Double) rc.get("topk_recall_at_1"), g == null ? "-" : g.at("/topk/recall_at_1").asText());
    }

    /** The number at a JSON pointer with 6 decimals, or "-". */
    private static String fixed(JsonNode n, String pointer) {
        double v = numAt(n, pointer);
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.6f", v);
    }

    private static String time(double s) {
        if (Double.isNaN(s)) {
            return "-";
        }
        if (s >= 1) {
            return String.format(Locale.ROOT, "%.3f s", s);
        }
        if (s >= 1e-3) {
            return String.format(Locale.ROOT, "%.2f ms", s * 1e3);
        }
        return String.format(Locale.ROOT, "%.2f us", s * 1e6);
    }

    // ---------------------------------------------------------------- environment

    /** {@code bench/} — the jar's parent's parent when run from {@code bench/target}, else the working dir. */
    private static Path benchDir() {
        try {
            Path jar = Paths.get(Compare.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = jar.getParent() == null ? null : jar.getParent().getParent();
            if (dir != null && Files.isDirectory(dir.resolve("python"))) {
                return dir;
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // fall through
        }
        Path cwd = Paths.get("").toAbsolutePath();
        return Files.isDirectory(cwd.resolve("bench").resolve("python")) ? cwd.resolve("bench") : cwd;
    }

    private static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cpu", cpuModel());
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        return m;
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    private static String lastLine(String text) {
        String[] lines = text.split("\n");
        return lines[lines.length - 1];
    }
}
