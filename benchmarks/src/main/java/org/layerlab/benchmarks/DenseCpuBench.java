package org.layerlab.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import org.layerlab.compute.autodiff.Ops;
import org.layerlab.compute.autodiff.Var;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.graph.ReferenceNetworks;
import org.layerlab.compute.kernels.Gemm;
import org.layerlab.compute.kernels.Threads;
import org.layerlab.compute.layers.ForwardContext;
import org.layerlab.compute.layers.Parameter;
import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.tensor.Tensor;
import org.layerlab.compute.tensor.Workspace;

/**
 * The matrix-product workloads measured as the measuring thread's CPU time, for comparing two builds of the engine
 * side by side on a shared machine (run it once with each build's classes on the class path, alternating): W4 MLP
 * inference at batch 1 and 256, a W2 training step's forward and backward (batch 64, no optimizer), and SGEMM
 * 512³/1024³ on one thread. Prints the median of the rounds; also the wall time, which on a loaded machine says more
 * about the neighbours. It uses only API that older builds have too.
 * Usage: DenseCpuBench [rounds] [what: all|w4|w2|sgemm]
 */
public final class DenseCpuBench {
    private DenseCpuBench() {}

    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String what = args.length > 1 ? args[1] : "all";
        if (what.equals("latency")) { latency(rounds); return; }
        if (what.equals("sgemm2")) { sgemmTwoThreads(rounds); return; }
        Threads.setParallelism(1);
        CompiledNetwork net = CompiledNetwork.compile(ReferenceNetworks.fashionMlp(), 1);
        SplittableRandom rng = new SplittableRandom(3);
        Tensor one = Tensor.uniform(Shape.of(784).withBatch(1), 1, rng), many = Tensor.uniform(Shape.of(784).withBatch(256), 1, rng);
        Tensor batch = Tensor.uniform(Shape.of(784).withBatch(64), 1, rng);
        int[] labels = new int[64];
        for (int i = 0; i < labels.length; i++) labels[i] = rng.nextInt(10);
        float[][] sq = new float[3][];
        if (what.equals("all") || what.equals("w4")) {
            report("w4 mlp batch 1, us per inference", rounds, 4000, 1e-3, () -> { net.predict(one); return 1; });
            report("w4 mlp batch 256, us per sample", rounds, 40, 1e-3 / 256, () -> { net.predict(many); return 1; });
        }
        if (what.equals("all") || what.equals("w2")) {
            report("w2 mlp forward+backward batch 64, us per step", rounds, 300, 1e-3, () -> {
                try (Workspace.Scope s = net.workspace().open()) {
                    Var out = net.forward(batch, new ForwardContext(true, new SplittableRandom(1)));
                    Ops.softmaxCrossEntropy(out, labels).backward();
                }
                for (Parameter p : net.parameters()) p.zeroGrad();
                return 1;
            });
        }
        if (what.equals("all") || what.equals("sgemm")) {
            for (int n : new int[] {512, 1024}) {
                float[] a = new float[n * n], b = new float[n * n], c = new float[n * n];
                for (int i = 0; i < a.length; i++) { a[i] = (float) rng.nextDouble(); b[i] = (float) rng.nextDouble(); }
                report("sgemm " + n + " one thread, ms per product", rounds, n == 512 ? 20 : 4, 1e-6, () -> {
                    Gemm.gemm(false, false, n, n, n, a, b, c, false); return 1; });
            }
        }
    }

    /**
     * W4 MLP batch-1 wall latency on two threads, the best and the median of many short rounds: on a shared machine
     * the best round is the one no neighbour interrupted.
     */
    private static void latency(int rounds) {
        Threads.setParallelism(2);
        CompiledNetwork net = CompiledNetwork.compile(ReferenceNetworks.fashionMlp(), 1);
        Tensor one = Tensor.uniform(Shape.of(784).withBatch(1), 1, new SplittableRandom(3));
        for (int i = 0; i < 20_000; i++) net.predict(one);
        double[] us = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 200; i++) net.predict(one);
            us[r] = (System.nanoTime() - t0) / 1e3 / 200;
        }
        Arrays.sort(us);
        System.out.printf(Locale.ROOT, "w4 mlp batch 1, 2 threads, wall us per inference: best round %.2f, median %.2f%n", us[0], us[rounds / 2]);
    }

    /** SGEMM at two threads: GFLOP/s of the best and the median round (wall), and per CPU-second of the whole process. */
    private static void sgemmTwoThreads(int rounds) {
        Threads.setParallelism(2);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        SplittableRandom rng = new SplittableRandom(5);
        for (int n : new int[] {512, 1024}) {
            float[] a = new float[n * n], b = new float[n * n], c = new float[n * n];
            for (int i = 0; i < a.length; i++) { a[i] = (float) rng.nextDouble(); b[i] = (float) rng.nextDouble(); }
            int reps = n == 512 ? 60 : 12;
            double gflop = 2.0 * n * n * n * reps / 1e9;
            for (int i = 0; i < 3 * reps; i++) Gemm.gemm(false, false, n, n, n, a, b, c, false);
            double[] wall = new double[rounds], cpu = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long c0 = os.getProcessCpuTime(), w0 = System.nanoTime();
                for (int i = 0; i < reps; i++) Gemm.gemm(false, false, n, n, n, a, b, c, false);
                wall[r] = gflop / ((System.nanoTime() - w0) / 1e9);
                cpu[r] = gflop / ((os.getProcessCpuTime() - c0) / 1e9);
            }
            Arrays.sort(wall);
            Arrays.sort(cpu);
            System.out.printf(Locale.ROOT, "sgemm %d, 2 threads: GFLOP/s best round %.1f, median %.1f; per process CPU-s median %.1f%n",
                    n, wall[rounds - 1], wall[rounds / 2], cpu[rounds / 2]);
        }
    }

    /** Runs {@code body} {@code reps} times per round; prints median CPU and wall per rep, scaled by {@code scale}. */
    private static void report(String name, int rounds, int reps, double scale, LongSupplier body) {
        for (int i = 0; i < reps; i++) body.getAsLong(); // warm-up
        double[] cpu = new double[rounds], wall = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long c0 = MX.getCurrentThreadCpuTime(), w0 = System.nanoTime();
            for (int i = 0; i < reps; i++) body.getAsLong();
            cpu[r] = (MX.getCurrentThreadCpuTime() - c0) * scale / reps;
            wall[r] = (System.nanoTime() - w0) * scale / reps;
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        System.out.printf(Locale.ROOT, "%-70s cpu median %.3f best %.3f   wall median %.3f%n", name, cpu[rounds / 2], cpu[0], wall[rounds / 2]);
    }
}
