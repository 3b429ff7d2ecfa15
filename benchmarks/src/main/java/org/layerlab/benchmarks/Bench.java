package org.layerlab.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.data.Dataset;
import org.layerlab.compute.data.DatasetGenerators;
import org.layerlab.compute.data.IdxFiles;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.ReferenceNetworks;
import org.layerlab.compute.graph.SequentialBuilder;
import org.layerlab.compute.kernels.Gemm;
import org.layerlab.compute.kernels.Threads;
import org.layerlab.compute.kernels.Vectors;
import org.layerlab.compute.nn.Losses;
import org.layerlab.compute.nn.Optimizers;
import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.tensor.Tensor;
import org.layerlab.compute.train.ComputePool;
import org.layerlab.compute.train.Evaluation;
import org.layerlab.compute.train.JitWarmup;
import org.layerlab.compute.train.Trainer;
import org.layerlab.compute.train.TrainingConfig;
import org.layerlab.compute.train.TrainingEvents;
import org.layerlab.compute.train.TrainingListener;
import org.layerlab.compute.train.TrainingEvents.EndReason;
import org.layerlab.compute.train.TrainingEvents.RunEnded;

/**
 * One benchmark workload per process (so peak RSS is the workload's own), printed as one JSON line.
 * Usage: Bench &lt;w1|w2|w3|w4-mlp|w4-lenet|sgemm&gt; [--threads N] [--quick] [--warm-up]. The same workloads are in
 * torch_bench.py. With {@code --warm-up}, the JIT warm-up the window starts once it shows ({@link JitWarmup}) runs from
 * the process's start, alongside the data loading, and W2/W3 wait for it before training, as a user pressing Train a
 * few seconds after the window opened does; its wall time is reported ({@code warm_up_ms}).
 */
public final class Bench {
    private Bench() {}

    /** The warm-up started with {@code --warm-up}, or null. */
    private static CompletableFuture<JitWarmup.Result> warmUp;

    public static void main(String[] args) throws Exception {
        String workload = args[0];
        int threads = 2;
        boolean quick = false;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--threads")) threads = Integer.parseInt(args[++i]);
            else if (args[i].equals("--quick")) quick = true;
            else if (args[i].equals("--warm-up")) warmUp = CompletableFuture.completedFuture(null); // started below
        }
        Threads.setParallelism(threads);
        if (warmUp != null) warmUp = JitWarmup.startInBackground();
        Map<String, Object> r = switch (workload) {
            case "w1" -> w1(quick);
            case "w2" -> w2(quick);
            case "w3" -> w3(quick);
            case "w4-mlp" -> w4(ReferenceNetworks.fashionMlp(), Shape.of(784), quick);
            case "w4-lenet" -> w4(ReferenceNetworks.leNet5(), Shape.of(1, 28, 28), quick);
            case "sgemm" -> sgemm(quick);
            default -> throw new IllegalArgumentException("unknown workload " + workload);
        };
        r.put("threads", threads);
        r.put("vector", Vectors.describe());
        StringBuilder sb = new StringBuilder("{\"workload\":\"" + workload + "\"");
        r.forEach((k, v) -> sb.append(",\"").append(k).append("\":").append(v instanceof Number ? String.format(Locale.ROOT, "%s", v) : "\"" + v + "\""));
        System.out.println(sb.append('}'));
    }

    /** What the last {@link #train} measured besides speed: bytes allocated per warm step and GC time per step. */
    static final Map<String, Object> STEP_COSTS = new LinkedHashMap<>();

    /**
     * Trains and returns samples/s over the whole run (events and shuffling included, as a user would see). Also
     * records in {@link #STEP_COSTS} the training thread's allocation per step (median over the second half of the
     * steps, once the JIT is warm), the collectors' time per step over the run, and samples per CPU-second of the
     * trainer's thread (run started to run ended).
     */
    static double train(CompiledNetwork net, Dataset data, TrainingConfig cfg) throws Exception {
        try (ComputePool pool = new ComputePool(1)) {
            Trainer t = new Trainer(net, data, null, cfg.withCheckpoints(false));
            var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            // Filled on the trainer's thread, read after the run's future completes (which orders the two). Not a
            // CopyOnWriteArrayList: that copied every step's whole history, O(steps²), which cost W1 several µs a step
            // (its 31 KiB "allocated per step" was mostly those copies).
            List<Long> perStep = new ArrayList<>();
            long[] last = {-1}, cpu = new long[2];
            t.addListener(new TrainingListener() {
                @Override public void runStarted(TrainingEvents.RunStarted e) { cpu[0] = mx.getCurrentThreadCpuTime(); }
                @Override public void runEnded(RunEnded e) { cpu[1] = mx.getCurrentThreadCpuTime(); }
                @Override public void batchEnded(TrainingEvents.BatchEnd e) {
                    long now = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
                    if (last[0] >= 0) perStep.add(now - last[0]);
                    last[0] = now;
                }
            });
            long gc0 = gcMillis(), t0 = System.nanoTime();
            RunEnded end = t.start(pool.executor(), false).get(1, TimeUnit.HOURS);
            double s = (System.nanoTime() - t0) / 1e9;
            long gc = gcMillis() - gc0;
            if (end.reason() != EndReason.COMPLETED) throw new IllegalStateException(end.message());
            List<Long> warm = new ArrayList<>(perStep.subList(perStep.size() / 2, perStep.size()));
            warm.sort(null);
            STEP_COSTS.put("alloc_kib_per_step", warm.isEmpty() ? 0 : Math.round(warm.get(warm.size() / 2) / 102.4) / 10.0);
            STEP_COSTS.put("gc_ms_per_step", Math.round(gc * 1000.0 / Math.max(1, perStep.size() + 1)) / 1000.0);
            STEP_COSTS.put("gc_ms", gc);
            // The trainer thread's own CPU time: on a loaded machine its wall time is mostly time other processes held
            // the core, and this is the figure that compares builds (see StepCostBench).
            STEP_COSTS.put("samples_per_trainer_cpu_s", Math.round((double) data.size() * cfg.epochs() / Math.max(1e-9, (cpu[1] - cpu[0]) / 1e9)));
            return (double) data.size() * cfg.epochs() / s;
        }
    }

    static long gcMillis() {
        long ms = 0;
        for (GarbageCollectorMXBean g : ManagementFactory.getGarbageCollectorMXBeans()) ms += Math.max(0, g.getCollectionTime());
        return ms;
    }

    static Map<String, Object> w1(boolean quick) throws Exception {
        ModelGraph g = new SequentialBuilder().add("input", "shape", List.of(2))
                .add("dense", "units", 8, "activation", "tanh").add("dense", "units", 8, "activation", "tanh")
                .add("output", "units", 1, "loss", "binary-cross-entropy").build();
        Dataset data = DatasetGenerators.TWO_SPIRALS.generate(DatasetGenerators.TWO_SPIRALS.defaultParams());
        Params sgd = Params.of(Optimizers.SGD.params(), Map.of("learningRate", 0.03));
        TrainingConfig cfg = new TrainingConfig("sgd", sgd, 10, 1, 1);
        train(CompiledNetwork.compile(g, 1), data, cfg.withEpochs(quick ? 50 : 200)); // warm-up (JIT)
        double sps = train(CompiledNetwork.compile(g, 1), data, cfg.withEpochs(quick ? 200 : 1000));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("samples_per_s", Math.round(sps));
        r.putAll(STEP_COSTS);
        return r;
    }

    static Map<String, Object> fashion(ModelGraph g, boolean flat, boolean quick, int epochs) throws Exception {
        Dataset train = IdxFiles.fashionMnist("train", flat, quick ? 10_000 : 60_000);
        Dataset test = IdxFiles.fashionMnist("t10k", flat, 10_000);
        Params adam = Params.of(Optimizers.ADAM.params(), Map.of("learningRate", 1e-3));
        TrainingConfig cfg = new TrainingConfig("adam", adam, 64, epochs, 1);
        Map<String, Object> r = new LinkedHashMap<>();
        if (warmUp != null) {
            JitWarmup.Result w = warmUp.join();
            r.put("warm_up_ms", w.millis());
            r.put("warm_up_batches", w.batches());
        }
        CompiledNetwork net = CompiledNetwork.compile(g, 1);
        double sps = train(net, train, cfg);
        Map<String, Object> costs = new LinkedHashMap<>(STEP_COSTS);
        double acc = Evaluation.evaluate(net, Losses.SOFTMAX_CROSS_ENTROPY, test, "").get("accuracy");
        // The same run once more in this process (a fresh network, the same seeds): what a second training in an open
        // window runs at, once the JIT has compiled the kernels. The first figure includes the compiling.
        double warm = train(CompiledNetwork.compile(g, 1), train, cfg);
        r.put("samples_per_s", Math.round(sps));
        r.put("samples_per_s_warm", Math.round(warm));
        r.put("test_accuracy", Math.round(acc * 10000) / 10000.0);
        r.put("train_samples", train.size());
        r.put("epochs", epochs);
        r.putAll(costs);
        return r;
    }

    static Map<String, Object> w2(boolean quick) throws Exception { return fashion(ReferenceNetworks.fashionMlp(), true, quick, 1); }

    static Map<String, Object> w3(boolean quick) throws Exception { return fashion(ReferenceNetworks.leNet5(), false, quick, quick ? 1 : 2); }

    static Map<String, Object> w4(ModelGraph g, Shape sample, boolean quick) {
        CompiledNetwork net = CompiledNetwork.compile(g, 1);
        SplittableRandom rng = new SplittableRandom(3);
        Tensor one = Tensor.uniform(sample.withBatch(1), 1, rng), many = Tensor.uniform(sample.withBatch(256), 1, rng);
        int n1 = quick ? 2000 : 20000, n256 = quick ? 30 : 200;
        warmUp(() -> net.predict(one), n1 / 2, quick);
        long t0 = System.nanoTime();
        for (int i = 0; i < n1; i++) net.predict(one);
        double latencyUs = (System.nanoTime() - t0) / 1e3 / n1;
        warmUp(() -> net.predict(many), n256 / 3, quick);
        t0 = System.nanoTime();
        for (int i = 0; i < n256; i++) net.predict(many);
        double sps = 256.0 * n256 / ((System.nanoTime() - t0) / 1e9);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("latency_us_batch1", Math.round(latencyUs * 10) / 10.0);
        r.put("samples_per_s_batch256", Math.round(sps));
        return r;
    }

    /**
     * At least {@code times} calls and at least 1 s of them (0.3 s quick), as torch_bench.py's warm_up does: a count
     * alone left the JIT still compiling the blocked kernels when batch 256's timing began (the timed calls then ran
     * at half speed for their first third).
     */
    static void warmUp(Runnable call, int times, boolean quick) {
        long t0 = System.nanoTime(), min = quick ? 300_000_000L : 1_000_000_000L;
        for (int done = 0; done < times || System.nanoTime() - t0 < min; done++) call.run();
    }

    static Map<String, Object> sgemm(boolean quick) {
        Map<String, Object> r = new LinkedHashMap<>();
        for (int n : new int[] {512, 1024}) {
            float[] a = new float[n * n], b = new float[n * n], c = new float[n * n];
            SplittableRandom rng = new SplittableRandom(n);
            for (int i = 0; i < a.length; i++) { a[i] = (float) rng.nextDouble(); b[i] = (float) rng.nextDouble(); }
            double seconds = quick ? 1.0 : 3.0;
            for (int i = 0; i < 5; i++) Gemm.gemm(false, false, n, n, n, a, b, c, false);
            int reps = 0;
            long t0 = System.nanoTime();
            while (System.nanoTime() - t0 < seconds * 1e9) { Gemm.gemm(false, false, n, n, n, a, b, c, false); reps++; }
            double s = (System.nanoTime() - t0) / 1e9;
            r.put("gflops_" + n, Math.round(2.0 * n * n * n * reps / s / 1e8) / 10.0);
        }
        return r;
    }
}
