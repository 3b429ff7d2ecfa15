package org.layerlab.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.layerlab.compute.project.Project;
import org.layerlab.compute.project.ProjectFiles;

/**
 * Loading time of long layer chains whose wires are listed forwards and backwards (issue 14: the reverse order
 * used to take 97 s for 4,000 layers, as every wire ran a reachability scan). One JSON line per size and order.
 * Usage: ProjectLoadBench [sizes...] (default 2000 4000 10000).
 */
public final class ProjectLoadBench {
    private ProjectLoadBench() {}

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length == 0 ? new int[] {2000, 4000, 10000} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        for (int pass = 0; pass < 2; pass++) { // the first pass warms the JIT up; the second is reported
            for (int n : sizes) {
                for (boolean reversed : new boolean[] {false, true}) {
                    String json = chain(n, reversed);
                    long t0 = System.nanoTime();
                    Project p = ProjectFiles.parse(json, "chain");
                    double ms = (System.nanoTime() - t0) / 1e6;
                    if (p.graph().nodes().size() != n + 1) throw new AssertionError("wrong graph");
                    if (pass == 1) {
                        System.out.printf(Locale.ROOT, "{\"workload\":\"load-chain\",\"layers\":%d,\"order\":\"%s\",\"ms\":%.1f}%n",
                                n, reversed ? "reversed" : "forward", ms);
                    }
                }
            }
        }
    }

    static String chain(int n, boolean reversed) {
        StringBuilder nodes = new StringBuilder("{\"id\":\"n0\",\"type\":\"input\",\"params\":{\"shape\":[2]}}");
        List<String> edges = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            nodes.append(",{\"id\":\"n").append(i).append("\",\"type\":\"dense\",\"params\":{\"units\":2}}");
            edges.add("{\"from\":\"n" + (i - 1) + "\",\"to\":\"n" + i + "\",\"port\":0}");
        }
        if (reversed) Collections.reverse(edges);
        return "{\"format\":\"layerlab-project\",\"version\":2,\"graph\":{\"nodes\":[" + nodes + "],\"edges\":[" + String.join(",", edges)
                + "]},\"dataset\":{\"generator\":\"circles\",\"params\":{}},\"training\":{\"loss\":\"softmax-cross-entropy\","
                + "\"optimizer\":\"sgd\",\"optimizerParams\":{},\"batchSize\":8,\"epochs\":1,\"seed\":1,\"validationSplit\":0}}";
    }
}
