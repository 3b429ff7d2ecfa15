package org.layerlab.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.data.Dataset;
import org.layerlab.compute.data.DatasetGenerators;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.SequentialBuilder;
import org.layerlab.compute.kernels.Threads;
import org.layerlab.compute.nn.Optimizers;
import org.layerlab.compute.train.ComputePool;
import org.layerlab.compute.train.Trainer;
import org.layerlab.compute.train.TrainingConfig;
import org.layerlab.compute.train.TrainingEvents;
import org.layerlab.compute.train.TrainingListener;

/**
 * The training step's fixed cost: W1 (two spirals, 2-8-8-1 tanh, SGD 0.03, batch 10, the real {@link Trainer}) measured
 * as the trainer thread's CPU time per step, from the run-started to the run-ended event (so events, shuffling, the
 * divergence guard and the update are all in it). Uses only public API, so the same class runs against an older build's
 * classes: alternate the two classpaths in a shell loop and compare the medians.
 * Usage: StepCostBench [epochs per run] [rounds] [optimizer id]; prints µs of CPU per step, median and best.
 */
public final class StepCostBench {
    private StepCostBench() {}

    public static void main(String[] args) throws Exception {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        String optimizer = args.length > 2 ? args[2] : "sgd";
        Threads.setParallelism(2);
        ModelGraph g = new SequentialBuilder().add("input", "shape", List.of(2))
                .add("dense", "units", 8, "activation", "tanh").add("dense", "units", 8, "activation", "tanh")
                .add("output", "units", 1, "loss", "binary-cross-entropy").build();
        Dataset data = DatasetGenerators.TWO_SPIRALS.generate(DatasetGenerators.TWO_SPIRALS.defaultParams());
        var type = Optimizers.CATALOG.get(optimizer);
        Params p = Params.of(type.params(), Map.of("learningRate", optimizer.equals("sgd") ? 0.03 : 0.001));
        TrainingConfig cfg = new TrainingConfig(optimizer, p, 10, epochs, 1).withCheckpoints(false);
        run(g, data, cfg.withEpochs(Math.max(50, epochs / 2))); // JIT warm-up
        List<double[]> runs = new ArrayList<>();
        for (int r = 0; r < rounds; r++) runs.add(run(g, data, cfg));
        System.out.printf(Locale.ROOT, "step_cpu_us median %.2f best %.2f | wall_us median %.2f | alloc_bytes_per_step median %.0f | cpu rounds %s%n",
                median(runs, 0), runs.stream().mapToDouble(v -> v[0]).min().orElseThrow(), median(runs, 1), median(runs, 2),
                runs.stream().map(v -> String.format(Locale.ROOT, "%.2f", v[0])).toList());
    }

    private static double median(List<double[]> runs, int k) {
        double[] v = runs.stream().mapToDouble(r -> r[k]).sorted().toArray();
        return v[v.length / 2];
    }

    /** Per step over one run: µs of the trainer thread's CPU time, µs of wall time, bytes it allocated. */
    private static double[] run(ModelGraph g, Dataset data, TrainingConfig cfg) throws Exception {
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] cpu = new long[2], wall = new long[2], alloc = new long[2];
        long[] steps = new long[1];
        try (ComputePool pool = new ComputePool(1)) {
            Trainer t = new Trainer(CompiledNetwork.compile(g, 1), data, null, cfg);
            t.addListener(new TrainingListener() {
                @Override public void runStarted(TrainingEvents.RunStarted e) {
                    alloc[0] = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
                    wall[0] = System.nanoTime();
                    cpu[0] = mx.getCurrentThreadCpuTime();
                }
                @Override public void runEnded(TrainingEvents.RunEnded e) {
                    cpu[1] = mx.getCurrentThreadCpuTime();
                    wall[1] = System.nanoTime();
                    alloc[1] = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
                    steps[0] = e.step();
                }
            });
            var end = t.start(pool.executor(), false).get(1, TimeUnit.HOURS);
            if (end.reason() != TrainingEvents.EndReason.COMPLETED) throw new IllegalStateException(end.message());
        }
        return new double[] {(cpu[1] - cpu[0]) / 1e3 / steps[0], (wall[1] - wall[0]) / 1e3 / steps[0], (double) (alloc[1] - alloc[0]) / steps[0]};
    }
}
