package org.layerlab.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
import org.layerlab.compute.train.TrainingEvents;
import org.layerlab.compute.train.TrainingListener;
import org.layerlab.compute.train.probe.ConfusionProbe;
import org.layerlab.compute.train.probe.DecisionProbe;
import org.layerlab.compute.train.probe.NeuronMapProbe;
import org.layerlab.compute.train.probe.ParameterStatsProbe;
import org.layerlab.compute.train.probe.PlanePoints;
import org.layerlab.compute.train.probe.ProbeHub;
import org.layerlab.compute.train.probe.StandardProbes;

/**
 * Training speed with every probe on (the window's: parameter statistics every 20 steps, the confusion matrix every
 * epoch, the 100×100 decision grid and the 40×40 neuron maps at up to 20 Hz) against no probe at all, on the default
 * sample (two spirals, 2-24-24-2 tanh, Adam, batch 16), side by side in one JVM: after a warm-up pair, runs alternate
 * none / all, and each side's median is reported, as samples per second of wall time and per CPU-second of the
 * trainer's thread (the fairer figure on a shared machine), with how often the decision grid was refreshed.
 * Usage: ProbeOverheadBench [epochs per run, default 150] [rounds, default 5]
 */
public final class ProbeOverheadBench {
    private ProbeOverheadBench() {}

    /** One run's figures. */
    record Run(double samplesPerSecond, double samplesPerCpuSecond, long decisions, long neuronMaps, long confusions, long stats,
               long dropped, double seconds, double trainerCpuSeconds, double probeCpuSeconds, double probeCoreShare) {
        /** The probes' CPU time as a share of the trainer's. */
        double probeShare() { return probeCpuSeconds / trainerCpuSeconds; }
    }

    /** Counts what arrives and keeps nothing: a view's queue, without the view. */
    static final class Counting implements StandardProbes.Results {
        final AtomicLong decisions = new AtomicLong(), neurons = new AtomicLong(), confusions = new AtomicLong(), stats = new AtomicLong();
        final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
        private void take(Object o, AtomicLong n) { n.incrementAndGet(); queue.add(o); queue.poll(); }
        @Override public void confusion(ConfusionProbe.Result r) { take(r, confusions); }
        @Override public void parameters(ParameterStatsProbe.Result r) { take(r, stats); }
        @Override public void decision(DecisionProbe.Result r) { take(r, decisions); }
        @Override public void neurons(NeuronMapProbe.Result r) { take(r, neurons); }
        @Override public void points(PlanePoints p) { queue.add(p); queue.poll(); }
    }

    public static void main(String[] args) throws Exception {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 150;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        ModelGraph g = new SequentialBuilder().add("input", "shape", List.of(2))
                .add("dense", "units", 24, "activation", "tanh").add("dense", "units", 24, "activation", "tanh")
                .add("output", "units", 2, "loss", "softmax-cross-entropy").build();
        var gen = DatasetGenerators.TWO_SPIRALS;
        Dataset data = gen.generate(gen.defaultParams());
        TrainingConfig cfg = new TrainingConfig("adam", Params.of(Optimizers.ADAM.params(), Map.of("learningRate", 0.01)), 16, epochs, 42)
                .withCheckpoints(false);
        probeTimes(g, data);
        List<Run> none = new ArrayList<>(), all = new ArrayList<>();
        try (ComputePool pool = new ComputePool()) {
            run(g, data, cfg, pool, false); // warm-up: JIT for both paths
            run(g, data, cfg, pool, true);
            for (int i = 0; i < rounds; i++) {
                none.add(run(g, data, cfg, pool, false));
                all.add(run(g, data, cfg, pool, true));
            }
        }
        double[] load = loadAverage();
        for (int i = 0; i < rounds; i++) {
            System.out.printf(Locale.ROOT, "round %d: none %,.0f samples/s (%,.0f per trainer CPU-s) | all %,.0f samples/s (%,.0f per CPU-s), "
                            + "decision grids %.1f/s, neuron maps %.1f/s, confusion %d, stats %d, dropped %d, probe CPU %.1f %% of the trainer's, probe runs got %.0f %% of a core%n", i + 1,
                    none.get(i).samplesPerSecond(), none.get(i).samplesPerCpuSecond(), all.get(i).samplesPerSecond(),
                    all.get(i).samplesPerCpuSecond(), all.get(i).decisions() / all.get(i).seconds(),
                    all.get(i).neuronMaps() / all.get(i).seconds(), all.get(i).confusions(), all.get(i).stats(), all.get(i).dropped(),
                    100 * all.get(i).probeShare(), 100 * all.get(i).probeCoreShare());
        }
        double wallNone = median(none, Run::samplesPerSecond), wallAll = median(all, Run::samplesPerSecond);
        double cpuNone = median(none, Run::samplesPerCpuSecond), cpuAll = median(all, Run::samplesPerCpuSecond);
        System.out.printf(Locale.ROOT, "{\"workload\":\"probe-overhead\",\"epochs\":%d,\"rounds\":%d,\"none_samples_per_s\":%.0f,"
                        + "\"all_samples_per_s\":%.0f,\"wall_ratio\":%.3f,\"none_per_cpu_s\":%.0f,\"all_per_cpu_s\":%.0f,\"cpu_ratio\":%.3f,"
                        + "\"decision_hz\":%.1f,\"probe_cpu_share\":%.3f,\"load\":\"%.2f %.2f %.2f\",\"cores\":%d}%n",
                epochs, rounds, wallNone, wallAll, wallAll / wallNone, cpuNone, cpuAll, cpuAll / cpuNone,
                median(all, r -> r.decisions() / r.seconds()), median(all, Run::probeShare), load[0], load[1], load[2], Runtime.getRuntime().availableProcessors());
    }

    /** Each probe's own time on one snapshot (median of 60 after 40 warm-up runs), single-threaded here. */
    static void probeTimes(ModelGraph g, Dataset data) {
        CompiledNetwork net = CompiledNetwork.compile(g, 1);
        var s = new org.layerlab.compute.train.probe.WeightSnapshot(org.layerlab.compute.train.probe.WeightSnapshot.Kind.START, 0, 0, true, 0,
                org.layerlab.compute.train.probe.WeightSnapshot.copyWeights(net), org.layerlab.compute.train.probe.WeightSnapshot.copyWeights(net),
                org.layerlab.compute.train.probe.WeightSnapshot.copyWeights(net), Map.of());
        float[] xy = data.x().data();
        var grid = org.layerlab.compute.train.probe.PlaneGrid.around(100, xy);
        var loss = Trainer.runLoss(net);
        List<org.layerlab.compute.train.probe.Probe<?>> probes = List.of(
                new DecisionProbe(grid, loss, data.classNames(), 20),
                new NeuronMapProbe(org.layerlab.compute.train.probe.PlaneGrid.around(40, xy), g, NeuronMapProbe.mappedLayers(g), 20),
                new ConfusionProbe(loss, data, "training set"), new ParameterStatsProbe(20));
        for (var p : probes) {
            double[] ms = new double[100];
            var threads = ManagementFactory.getThreadMXBean();
            for (int i = 0; i < ms.length; i++) {
                long t0 = threads.getCurrentThreadCpuTime();
                p.run(s, p.needsNetwork() ? net : null);
                ms[i] = (threads.getCurrentThreadCpuTime() - t0) / 1e6;
            }
            double[] last = Arrays.copyOfRange(ms, 40, 100);
            Arrays.sort(last);
            System.out.printf(Locale.ROOT, "probe %s: %.3f ms CPU per run (median)%n", p.getClass().getSimpleName(), last[30]);
        }
    }

    static Run run(ModelGraph g, Dataset data, TrainingConfig cfg, ComputePool pool, boolean probes) throws Exception {
        Trainer t = new Trainer(CompiledNetwork.compile(g, cfg.seed()), data, null, cfg);
        Counting out = new Counting();
        ProbeHub hub = probes ? StandardProbes.attach(t, data, null, null, pool.executor(), StandardProbes.Settings.DEFAULT, out) : null;
        long[] cpu = new long[2];
        var threads = ManagementFactory.getThreadMXBean();
        t.addListener(new TrainingListener() {
            @Override public void runStarted(TrainingEvents.RunStarted e) { cpu[0] = threads.getCurrentThreadCpuTime(); }
            @Override public void runEnded(TrainingEvents.RunEnded e) { cpu[1] = threads.getCurrentThreadCpuTime(); }
        });
        long t0 = System.nanoTime();
        var end = t.start(pool.executor(), false).get(30, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (hub != null) { // the probes' last results, outside the timed part
            var idle = new java.util.concurrent.CountDownLatch(1);
            hub.whenIdle(idle::countDown);
            idle.await(1, TimeUnit.MINUTES);
        }
        double samples = (double) end.step() * cfg.batchSize();
        double trainerCpu = (cpu[1] - cpu[0]) / 1e9;
        return new Run(samples / seconds, samples / trainerCpu, out.decisions.get(), out.neurons.get(), out.confusions.get(),
                out.stats.get(), hub == null ? 0 : hub.dropped(), seconds, trainerCpu, hub == null ? 0 : hub.cpuNanos() / 1e9,
                hub == null ? Double.NaN : hub.cpuShare());
    }

    static double median(List<Run> runs, java.util.function.ToDoubleFunction<Run> f) {
        double[] v = runs.stream().mapToDouble(f).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static double[] loadAverage() {
        try {
            return Arrays.stream(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")).limit(3)
                    .mapToDouble(Double::parseDouble).toArray();
        } catch (Exception e) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
    }
}
