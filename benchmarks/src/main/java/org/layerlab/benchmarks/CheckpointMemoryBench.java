package org.layerlab.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.data.Dataset;
import org.layerlab.compute.data.DatasetGenerators;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.SequentialBuilder;
import org.layerlab.compute.nn.Optimizers;
import org.layerlab.compute.train.ComputePool;
import org.layerlab.compute.train.Trainer;
import org.layerlab.compute.train.TrainingConfig;

/**
 * Memory of a long run with checkpoints on (issue 14): the spirals sample widened to 1,024-unit layers (1.05 M
 * parameters) for N epochs (default 500, the sample's own). Before the bound, every epoch kept a copy of weights and
 * Adam's moments (12.6 MB), 6.2 GB at 500 epochs; now at most latest + best + a spaced selection are kept.
 * Prints one JSON line with the checkpoints kept, their bytes and the process's peak RSS (VmHWM).
 * Usage: CheckpointMemoryBench [epochs]
 */
public final class CheckpointMemoryBench {
    private CheckpointMemoryBench() {}

    public static void main(String[] args) throws Exception {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        ModelGraph wide = new SequentialBuilder().add("input", "shape", List.of(2))
                .add("dense", "units", 1024, "activation", "tanh").add("dense", "units", 1024, "activation", "tanh")
                .add("dense", "units", 2).build();
        var gen = DatasetGenerators.TWO_SPIRALS;
        Dataset data = gen.generate(gen.defaultParams());
        TrainingConfig cfg = new TrainingConfig("softmax-cross-entropy", "adam",
                Params.of(Optimizers.ADAM.params(), Map.of("learningRate", 0.001)), 16, epochs, 1, 0.0);
        CompiledNetwork net = CompiledNetwork.compile(wide, 1);
        long t0 = System.nanoTime();
        Trainer t = new Trainer(net, data, null, cfg);
        try (ComputePool pool = new ComputePool()) {
            t.start(pool.executor(), false).get();
        }
        long bytes = t.checkpoints().stream().mapToLong(c -> c.sizeBytes()).sum();
        System.out.printf(Locale.ROOT, "{\"workload\":\"checkpoint-memory\",\"epochs\":%d,\"parameters\":%d,\"checkpoints_kept\":%d,"
                        + "\"checkpoint_mb\":%.1f,\"unbounded_would_be_mb\":%.1f,\"peak_rss_mb\":%.1f,\"seconds\":%.1f}%n",
                epochs, net.parameters().stream().mapToLong(p -> p.value().size()).sum(), t.checkpoints().size(), bytes / 1e6,
                t.latestCheckpoint().sizeBytes() * (double) epochs / 1e6, peakRssMb(), (System.nanoTime() - t0) / 1e9);
    }

    static double peakRssMb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
        return Double.NaN;
    }
}
