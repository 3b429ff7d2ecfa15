package org.layerlab.compute.graph;

import java.util.Locale;
import org.layerlab.compute.text.Messages;

/**
 * How much memory a network needs, estimated from shape inference before anything is allocated, so an oversized
 * layer is refused with its name and size instead of ending in "Java heap space". Weights are float32; training holds
 * each weight with its gradient and up to two optimizer slots (Adam), and each layer's output for the batch with its
 * gradient; kept checkpoints add copies of the weights and optimizer state.
 */
public record MemoryEstimate(long weightBytes, long trainingBytes, String largestNode, long largestNodeBytes, String largestNodeName) {
    private static final Messages TEXT = Messages.of("org.layerlab.compute.i18n.memory", MemoryEstimate.class);
    /** Copies of each weight while training: value, gradient, two optimizer slots. */
    static final int TRAINING_COPIES = 4;
    /** Copies of each layer output per sample while training: value and gradient. */
    static final int ACTIVATION_COPIES = 2;
    /** Checkpoint copies a run keeps at most (latest, best and a spaced selection; see the trainer). */
    public static final int CHECKPOINT_COPIES = 8;

    /** What this JVM may use for the heap: -Xmx, or the default the JVM chose. */
    public static long available() { return Runtime.getRuntime().maxMemory(); }

    /** Bytes of float32 storage for {@code count} numbers, saturating instead of overflowing. */
    public static long floatBytes(long count) { return count > Long.MAX_VALUE / 4 ? Long.MAX_VALUE : count * 4; }

    /** The estimate for training {@code graph} (already analysed and valid) with batches of {@code batchSize}. */
    public static MemoryEstimate of(ModelGraph graph, GraphAnalysis analysis, int batchSize, int checkpointCopies) {
        long weights = 0, training = 0, largest = -1;
        String largestId = null, largestName = null;
        for (var e : analysis.nodes().entrySet()) {
            NodeInfo info = e.getValue();
            if (!info.valid()) continue;
            long w = floatBytes(info.parameterCount());
            long act = info.outputShape() == null ? 0 : saturatingMul(floatBytes(info.outputShape().size()), (long) batchSize * ACTIVATION_COPIES);
            long node = saturatingAdd(saturatingMul(w, TRAINING_COPIES + (long) checkpointCopies * 3), act);
            weights = saturatingAdd(weights, w);
            training = saturatingAdd(training, node);
            if (node > largest) {
                largest = node;
                largestId = e.getKey();
                largestName = graph.find(e.getKey()).map(Node::name).orElse(e.getKey());
            }
        }
        return new MemoryEstimate(weights, training, largestId, Math.max(0, largest), largestName);
    }

    /** As {@link #of(ModelGraph, GraphAnalysis, int, int)} with the trainer's bound on checkpoints. */
    public static MemoryEstimate of(ModelGraph graph, GraphAnalysis analysis, int batchSize) {
        return of(graph, analysis, batchSize, CHECKPOINT_COPIES);
    }

    /** The sentence refusing the run when it needs more than {@code budget} bytes, else null. */
    public String refusal(long budget) {
        if (trainingBytes <= budget) return null;
        return TEXT.get("training.tooLarge", format(trainingBytes), largestNodeName, format(largestNodeBytes), format(budget));
    }

    /** The sentence refusing to compile when the weights of all layers together need more than {@code budget}, else null. */
    public String compileRefusal(long budget) {
        if (weightBytes <= budget) return null;
        return TEXT.get("network.tooLarge", format(weightBytes), largestNodeName, format(budget));
    }

    /** The sentence refusing one layer whose weights alone need more than {@code budget} bytes, else null. */
    static String weightRefusal(String nodeName, long parameterCount, long budget) {
        long bytes = floatBytes(parameterCount);
        if (bytes <= budget && parameterCount <= Integer.MAX_VALUE) return null;
        return TEXT.get("weights.tooLarge", nodeName, format(bytes), format(budget));
    }

    /** "16.0 GiB", "512.0 MiB", "3.2 KiB", "12 bytes". */
    public static String format(long bytes) {
        if (bytes == Long.MAX_VALUE) return TEXT.get("unit.huge");
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        if (bytes < 1024) return bytes + " " + TEXT.get("unit.bytes");
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) { v /= 1024; u++; }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    static long saturatingAdd(long a, long b) { long r = a + b; return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r; }

    static long saturatingMul(long a, long b) {
        if (a == 0 || b == 0) return 0;
        return a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }
}
