package io.github.attractor.analysis.tln;

import io.github.attractor.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * A simple directed graph on vertices {@code 0..n-1} (no self-loops, no multiple edges): the architecture
 * of a combinatorial threshold-linear network. {@code hasEdge(j, i)} means {@code j → i}.
 */
public final class DirectedGraph {
    private final int n;
    private final boolean[][] edge;

    /** The graph with the given edges, each {@code {from, to}}. */
    public DirectedGraph(int n, List<int[]> edges) {
        if (n <= 0) {
            throw new InvalidInputException("graph: needs at least one vertex, got " + n);
        }
        this.n = n;
        this.edge = new boolean[n][n];
        for (int[] e : edges) {
            if (e.length != 2 || e[0] < 0 || e[1] < 0 || e[0] >= n || e[1] >= n) {
                throw new InvalidInputException("graph: edge " + java.util.Arrays.toString(e)
                        + " is not a pair of vertices in 0.." + (n - 1));
            }
            if (e[0] == e[1]) {
                throw new InvalidInputException("graph: self-loop " + e[0] + " -> " + e[1]
                        + " (a CTLN graph has none)");
            }
            edge[e[0]][e[1]] = true;
        }
    }

    /** The directed cycle {@code 0 → 1 → … → n-1 → 0}. */
    public static DirectedGraph cycle(int n) {
        List<int[]> es = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            es.add(new int[] {i, (i + 1) % n});
        }
        return new DirectedGraph(n, es);
    }

    /**
     * Parses an edge list: edges separated by commas, semicolons or new lines, each {@code "j->i"} or
     * {@code "j i"}; lines starting with '#' are comments. The vertex count is the largest index + 1 unless
     * {@code n > 0} is given.
     */
    public static DirectedGraph parse(String text, int n) {
        List<int[]> es = new ArrayList<>();
        int max = -1;
        for (String line : text.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            for (String part : l.split("[,;]")) {
                String p = part.strip();
                if (p.isEmpty()) {
                    continue;
                }
                String[] ends = p.contains("->") ? p.split("->") : p.split("\\s+");
                if (ends.length != 2) {
                    throw new InvalidInputException("graph: cannot read edge '" + p + "' (write j->i or 'j i')");
                }
                int[] e = new int[2];
                for (int k = 0; k < 2; k++) {
                    try {
                        e[k] = Integer.parseInt(ends[k].strip());
                    } catch (NumberFormatException ex) {
                        throw new InvalidInputException("graph: vertex '" + ends[k].strip() + "' in edge '" + p
                                + "' is not a non-negative integer");
                    }
                    if (e[k] < 0) {
                        throw new InvalidInputException("graph: vertex " + e[k] + " in edge '" + p + "' is negative");
                    }
                    max = Math.max(max, e[k]);
                }
                es.add(e);
            }
        }
        if (es.isEmpty() && n <= 0) {
            throw new InvalidInputException("graph: no edges given");
        }
        int size = n > 0 ? n : max + 1;
        return new DirectedGraph(size, es);
    }

    public int size() {
        return n;
    }

    /** Whether {@code from → to}. */
    public boolean hasEdge(int from, int to) {
        return edge[from][to];
    }
}
