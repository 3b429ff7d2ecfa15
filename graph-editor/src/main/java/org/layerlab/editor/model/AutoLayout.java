package org.layerlab.editor.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.layerlab.compute.graph.Edge;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.Node;

/**
 * Layered (Sugiyama-style) layout: layers by longest path from the inputs, long wires routed through placeholder
 * slots, crossings reduced by barycentre sweeps, then positions packed so no two layers' boxes overlap.
 */
public final class AutoLayout {
    private static final double LAYER_GAP = 70, NODE_GAP = 30, VIRTUAL_EXTENT = 20, MARGIN = 40;

    private final Orientation orientation;
    private final ToDoubleFunction<String> width, height;

    public AutoLayout(Orientation orientation, ToDoubleFunction<String> width, ToDoubleFunction<String> height) {
        this.orientation = orientation;
        this.width = width;
        this.height = height;
    }

    /** New top-left positions for every node; the graph's own positions are ignored except for where it starts. */
    public Map<String, Point> layout(ModelGraph g) {
        List<Node> order = g.topologicalOrder();
        int n = order.size();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) index.put(order.get(i).id(), i);

        int[] rank = new int[n];
        for (Edge e : sortedEdges(g, index)) {
            int a = index.get(e.from()), b = index.get(e.to());
            rank[b] = Math.max(rank[b], rank[a] + 1);
        }
        // Pull sources down next to their first consumer, so a second input does not sit far up the graph.
        for (int i = n - 1; i >= 0; i--) {
            if (!g.inputsOf(order.get(i).id()).isEmpty()) continue;
            int min = Integer.MAX_VALUE;
            for (Edge e : g.outputsOf(order.get(i).id())) min = Math.min(min, rank[index.get(e.to())] - 1);
            if (min != Integer.MAX_VALUE) rank[i] = Math.max(rank[i], min);
        }

        // Layered graph with placeholder ("virtual") slots for wires that skip layers.
        List<Integer> ranks = new ArrayList<>();
        for (int r : rank) ranks.add(r);
        List<List<Integer>> up = new ArrayList<>(), down = new ArrayList<>();
        for (int i = 0; i < n; i++) { up.add(new ArrayList<>()); down.add(new ArrayList<>()); }
        for (Edge e : sortedEdges(g, index)) {
            int prev = index.get(e.from()), to = index.get(e.to());
            for (int r = rank[prev] + 1; r < rank[to]; r++) {
                int v = ranks.size();
                ranks.add(r);
                up.add(new ArrayList<>());
                down.add(new ArrayList<>());
                down.get(prev).add(v);
                up.get(v).add(prev);
                prev = v;
            }
            down.get(prev).add(to);
            up.get(to).add(prev);
        }
        int total = ranks.size(), layers = 0;
        for (int r : ranks) layers = Math.max(layers, r + 1);
        List<List<Integer>> layer = new ArrayList<>();
        for (int r = 0; r < layers; r++) layer.add(new ArrayList<>());
        for (int v = 0; v < total; v++) layer.get(ranks.get(v)).add(v);

        double[] pos = new double[total];
        order(layer, up, down, pos);

        // Sizes along the flow (main) and across it (cross).
        double[] main = new double[total], cross = new double[total];
        for (int v = 0; v < total; v++) {
            if (v < n) {
                String id = order.get(v).id();
                double w = width.applyAsDouble(id), h = height.applyAsDouble(id);
                main[v] = orientation == Orientation.LEFT_RIGHT ? w : h;
                cross[v] = orientation == Orientation.LEFT_RIGHT ? h : w;
            } else {
                cross[v] = VIRTUAL_EXTENT;
            }
        }
        double[] centre = crossCentres(layer, up, down, cross);

        double[] layerStart = new double[layers];
        double at = 0;
        for (int r = 0; r < layers; r++) {
            layerStart[r] = at;
            double thick = 0;
            for (int v : layer.get(r)) thick = Math.max(thick, main[v]);
            at += thick + LAYER_GAP;
        }

        double minCross = Double.MAX_VALUE;
        for (int v = 0; v < n; v++) minCross = Math.min(minCross, centre[v] - cross[v] / 2);
        double originX = MARGIN, originY = MARGIN;
        for (Node node : order) { originX = Math.min(originX, node.x()); originY = Math.min(originY, node.y()); }
        originX = Math.max(20, originX);
        originY = Math.max(20, originY);

        Map<String, Point> out = new LinkedHashMap<>();
        for (int v = 0; v < n; v++) {
            double m = layerStart[ranks.get(v)];
            double c = centre[v] - cross[v] / 2 - minCross;
            out.put(order.get(v).id(), orientation == Orientation.LEFT_RIGHT
                    ? new Point(originX + m, originY + c) : new Point(originX + c, originY + m));
        }
        return out;
    }

    private static List<Edge> sortedEdges(ModelGraph g, Map<String, Integer> index) {
        List<Edge> edges = new ArrayList<>(g.edges());
        edges.sort(java.util.Comparator.<Edge>comparingInt(e -> index.get(e.from()))
                .thenComparingInt(e -> index.get(e.to())).thenComparingInt(Edge::port));
        return edges;
    }

    /** Barycentre sweeps down and up; keeps the ordering with the fewest crossings. Writes each slot's index to pos. */
    private static void order(List<List<Integer>> layer, List<List<Integer>> up, List<List<Integer>> down, double[] pos) {
        index(layer, pos);
        List<List<Integer>> best = copy(layer);
        int bestCrossings = crossings(layer, down, pos);
        for (int iter = 0; iter < 12 && bestCrossings > 0; iter++) {
            for (int r = 1; r < layer.size(); r++) sortBy(layer.get(r), up, pos);
            for (int r = layer.size() - 2; r >= 0; r--) sortBy(layer.get(r), down, pos);
            int c = crossings(layer, down, pos);
            if (c < bestCrossings) {
                bestCrossings = c;
                best = copy(layer);
            }
        }
        for (int r = 0; r < layer.size(); r++) layer.set(r, best.get(r));
        index(layer, pos);
    }

    private static void sortBy(List<Integer> row, List<List<Integer>> neighbours, double[] pos) {
        Map<Integer, Double> key = new HashMap<>();
        for (int v : row) {
            List<Integer> nb = neighbours.get(v);
            key.put(v, nb.isEmpty() ? pos[v] : nb.stream().mapToDouble(x -> pos[x]).average().orElse(pos[v]));
        }
        row.sort((a, b) -> Double.compare(key.get(a), key.get(b)));
        for (int i = 0; i < row.size(); i++) pos[row.get(i)] = i;
    }

    private static void index(List<List<Integer>> layer, double[] pos) {
        for (List<Integer> row : layer) for (int i = 0; i < row.size(); i++) pos[row.get(i)] = i;
    }

    private static List<List<Integer>> copy(List<List<Integer>> layer) {
        List<List<Integer>> c = new ArrayList<>();
        for (List<Integer> row : layer) c.add(new ArrayList<>(row));
        return c;
    }

    /** Wire crossings between consecutive layers for the current order. */
    static int crossings(List<List<Integer>> layer, List<List<Integer>> down, double[] pos) {
        int count = 0;
        for (int r = 0; r + 1 < layer.size(); r++) {
            List<double[]> segs = new ArrayList<>();
            for (int v : layer.get(r)) for (int w : down.get(v)) segs.add(new double[] {pos[v], pos[w]});
            for (int i = 0; i < segs.size(); i++) {
                for (int j = i + 1; j < segs.size(); j++) {
                    double[] a = segs.get(i), b = segs.get(j);
                    if ((a[0] - b[0]) * (a[1] - b[1]) < 0) count++;
                }
            }
        }
        return count;
    }

    /**
     * Positions across the flow: each slot pulled toward the mean of its neighbours, then pushed apart so that
     * boxes in a layer keep their order and never overlap.
     */
    private static double[] crossCentres(List<List<Integer>> layer, List<List<Integer>> up, List<List<Integer>> down, double[] cross) {
        double[] c = new double[cross.length];
        for (List<Integer> row : layer) {
            double at = 0;
            for (int v : row) { c[v] = at + cross[v] / 2; at += cross[v] + NODE_GAP; }
            double shift = at / 2;
            for (int v : row) c[v] -= shift;
        }
        for (int iter = 0; iter < 8; iter++) {
            boolean downward = iter % 2 == 0;
            for (int k = 0; k < layer.size(); k++) {
                List<Integer> row = layer.get(downward ? k : layer.size() - 1 - k);
                double[] want = new double[row.size()];
                for (int i = 0; i < row.size(); i++) {
                    int v = row.get(i);
                    List<Integer> nb = new ArrayList<>(downward ? up.get(v) : down.get(v));
                    if (nb.isEmpty()) nb = downward ? down.get(v) : up.get(v);
                    want[i] = nb.isEmpty() ? c[v] : nb.stream().mapToDouble(x -> c[x]).average().orElse(c[v]);
                }
                separate(row, want, cross);
                for (int i = 0; i < row.size(); i++) c[row.get(i)] = want[i];
            }
        }
        return c;
    }

    /** Moves wanted centres apart just enough to respect the gap, keeping the row's order and its mean position. */
    private static void separate(List<Integer> row, double[] want, double[] cross) {
        int m = row.size();
        if (m == 0) return;
        double mean = Arrays.stream(want).average().orElse(0);
        for (int i = 1; i < m; i++) {
            double min = want[i - 1] + cross[row.get(i - 1)] / 2 + NODE_GAP + cross[row.get(i)] / 2;
            if (want[i] < min) want[i] = min;
        }
        double after = Arrays.stream(want).average().orElse(0);
        double shift = after - mean;
        // Shift back toward the wanted mean, which keeps spacing (a uniform shift never creates an overlap).
        for (int i = 0; i < m; i++) want[i] -= shift / 2;
    }
}
