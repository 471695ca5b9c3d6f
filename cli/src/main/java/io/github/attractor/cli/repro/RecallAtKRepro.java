package io.github.attractor.cli.repro;

import io.github.attractor.cli.io.Progress;
import io.github.attractor.cli.plot.Charts;
import io.github.attractor.data.idx.IdxImages;
import io.github.attractor.memory.experiments.RecallAtK;
import io.github.attractor.memory.modern.KHopfieldLayer;
import io.github.attractor.memory.store.MemoryStore;
import io.github.attractor.memory.store.Similarity;
import io.github.attractor.memory.store.TopK;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;

/**
 * Figure 3.7 of the k-nearest-memories chapter: 1000 MNIST test images as memories, queries = the same images
 * plus Gaussian noise σ, hardened k-Hopfield retrieval (3.8) with β = 3 and the negative Manhattan similarity;
 * recall@k against the true k nearest memories of the clean image, beside the recall@k of exact brute-force
 * search on the same noisy queries (the ceiling). One more row: the fraction of clean queries whose hardened
 * indices equal the exact top-k (as sets) at a large β.
 */
public final class RecallAtKRepro implements Reproduction {
    static final double AGREEMENT_BETA = 100;

    @Override
    public String name() {
        return "recall-at-k";
    }

    @Override
    public String title() {
        return "Recall@k of hardened k-Hopfield retrieval on noisy MNIST (dissertation Figure 3.7)";
    }

    @Override
    public boolean needsExternalData() {
        return true;
    }

    @Override
    public ReproResult run(ReproContext ctx) {
        IdxImages mnist = Mnist.images();
        int n = ctx.quick() ? 200 : 1000;
        double[] sigmas = ctx.quick() ? new double[] {0.1, 0.4, 1.6} : new double[] {0.1, 0.2, 0.4, 0.8, 1.6};
        int[] ks = ctx.quick() ? new int[] {1, 4} : new int[] {1, 2, 4, 8, 16};
        MemoryStore store = MemoryStore.of(mnist.toMatrix(n));
        Similarity sim = Similarity.NEGATIVE_MANHATTAN;
        List<Row> rows = new ArrayList<>();
        XYChart chart = Charts.lines("Recall@k, " + n + " MNIST memories, beta = 3, -Manhattan", "noise sigma",
                "recall@k", false);
        double worstGap = 0;
        double recall1 = Double.NaN;
        try (Progress bar = new Progress("recall-at-k", ks.length * sigmas.length + 1, ctx.progress())) {
            for (int k : ks) {
                double[] ours = new double[sigmas.length];
                double[] exact = new double[sigmas.length];
                for (int s = 0; s < sigmas.length; s++) {
                    RecallAtK.Result r = RecallAtK.run(store, k, sigmas[s], 3, sim, ctx.seed() + 31L * s);
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("sigma", sigmas[s]);
                    p.put("k", k);
                    p.put("memories", n);
                    p.put("beta", 3.0);
                    p.put("distinct_fraction", r.distinctFraction());
                    String c = "sigma=" + sigmas[s] + " k=" + k;
                    rows.add(Row.of(c, "recall_at_k", p, null, r.hopfieldRecall()));
                    rows.add(Row.of(c, "exact_knn_recall", p, null, r.bruteForceRecall()));
                    ours[s] = r.hopfieldRecall();
                    exact[s] = r.bruteForceRecall();
                    worstGap = Math.max(worstGap, Math.abs(ours[s] - exact[s]));
                    if (k == 1 && sigmas[s] == 0.1) {
                        recall1 = ours[s];
                    }
                    bar.step();
                }
                Charts.addLine(chart, "k-Hopfield k = " + k, sigmas, ours);
                Charts.addPoints(chart, "exact k = " + k, sigmas, exact);
            }
            double agreement = exactAgreement(store, sim, ks[ks.length - 1]);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("k", ks[ks.length - 1]);
            p.put("beta", AGREEMENT_BETA);
            p.put("memories", n);
            rows.add(Row.of("clean queries", "exact_topk_agreement", p, null, agreement));
            bar.step();
        }
        Path png = ctx.outDir().resolve("recall-at-k.png");
        Charts.save(chart, png);
        return new ReproResult(name(), rows, List.of(png), String.format(
                "Largest |recall@k(k-Hopfield) - recall@k(exact)| = %.4f; recall@1 at sigma = 0.1: %.4f.", worstGap,
                recall1));
    }

    /** Fraction of clean queries (the memories themselves) whose hardened indices are the exact top-k set. */
    static double exactAgreement(MemoryStore store, Similarity sim, int k) {
        int n = store.size();
        int d = store.dimension();
        double[] clean = new double[n * d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(store.pattern(i), 0, clean, i * d, d);
        }
        KHopfieldLayer.Retrieval hard = new KHopfieldLayer(store, sim, AGREEMENT_BETA, k).harden(clean, n);
        TopK exact = store.topK(sim, clean, n, k);
        int equal = 0;
        for (int q = 0; q < n; q++) {
            int[] a = hard.indicesOf(q).clone();
            int[] b = exact.indicesOf(q).clone();
            Arrays.sort(a);
            Arrays.sort(b);
            if (Arrays.equals(a, b)) {
                equal++;
            }
        }
        return (double) equal / n;
    }
}
