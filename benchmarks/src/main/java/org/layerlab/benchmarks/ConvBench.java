package org.layerlab.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.layerlab.compute.autodiff.ConvOps;
import org.layerlab.compute.autodiff.Var;
import org.layerlab.compute.data.Batch;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.graph.ReferenceNetworks;
import org.layerlab.compute.kernels.Threads;
import org.layerlab.compute.kernels.Vectors;
import org.layerlab.compute.layers.ForwardContext;
import org.layerlab.compute.layers.Parameter;
import org.layerlab.compute.nn.Losses;
import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.tensor.Tensor;
import org.layerlab.compute.tensor.Workspace;

/**
 * The convolution workloads (W3's training step, W4 LeNet inference) and LeNet-5's spatial ops alone, as CPU time of
 * this one thread (kernels on one thread: {@code Threads.setParallelism(1)}), median of several rounds. It uses only
 * public API that older builds have too, so the same class runs against an old build's classes for side-by-side
 * ratios: {@code java -cp benchmarks/target/classes:OLD_CLASSES ... ConvBench} alternating with the new build.
 * Usage: ConvBench [rounds] [threads]; prints one "measure value unit" line each.
 */
public final class ConvBench {
    private ConvBench() {}

    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        Threads.setParallelism(args.length > 1 ? Integer.parseInt(args[1]) : 1);
        System.out.println("# vector " + Vectors.describe() + ", threads " + Threads.parallelism());
        CompiledNetwork net = CompiledNetwork.compile(ReferenceNetworks.leNet5(), 1);
        SplittableRandom rng = new SplittableRandom(3);
        Tensor one = Tensor.uniform(Shape.of(1, 1, 28, 28), 1, rng), many = Tensor.uniform(Shape.of(256, 1, 28, 28), 1, rng);
        Tensor x64 = Tensor.uniform(Shape.of(64, 1, 28, 28), 1, rng);
        int[] labels = new int[64];
        for (int i = 0; i < labels.length; i++) labels[i] = rng.nextInt(10);
        Batch batch = new Batch(x64, labels, null);
        List<Parameter> params = net.parameters();

        Map<String, Runnable> work = new LinkedHashMap<>();
        work.put("lenet_predict_b1_us", () -> { for (int i = 0; i < 1000; i++) net.predict(one); });
        work.put("lenet_predict_b256_ms", () -> net.predict(many));
        work.put("lenet_train_step_b64_ms", () -> {
            try (Workspace.Scope s = net.workspace().open()) {
                Var out = net.forward(batch.x(), new ForwardContext(true, new SplittableRandom(1)));
                Var l = Losses.SOFTMAX_CROSS_ENTROPY.compute(out, batch);
                for (Parameter p : params) p.zeroGrad();
                l.backward();
            }
        });
        // LeNet's spatial ops alone at batch 64, forward and backward (input gradient too), in a workspace of their own.
        ConvOps.Window w1 = ConvOps.Window.of(28, 28, 5, 5, 1, 1, true), p1 = ConvOps.Window.of(28, 28, 2, 2, 2, 1, false);
        ConvOps.Window w2 = ConvOps.Window.of(14, 14, 5, 5, 1, 1, false), p2 = ConvOps.Window.of(10, 10, 2, 2, 2, 1, false);
        Tensor k1 = Tensor.uniform(Shape.of(6, 1, 5, 5), 0.3, rng), b1 = Tensor.uniform(Shape.of(6), 0.1, rng);
        Tensor k2 = Tensor.uniform(Shape.of(16, 6, 5, 5), 0.1, rng), b2 = Tensor.uniform(Shape.of(16), 0.1, rng);
        Tensor a1 = Tensor.uniform(Shape.of(64, 6, 28, 28), 1, rng), a2 = Tensor.uniform(Shape.of(64, 6, 14, 14), 1, rng);
        Tensor a3 = Tensor.uniform(Shape.of(64, 16, 10, 10), 1, rng);
        Workspace ws = new Workspace();
        work.put("conv1_fwd_b64_ms", () -> op(ws, false, () -> ConvOps.conv2d(Var.constant(x64), leaf(k1), leaf(b1), w1)));
        work.put("conv1_fwdbwd_b64_ms", () -> op(ws, true, () -> ConvOps.conv2d(Var.constant(x64), leaf(k1), leaf(b1), w1)));
        work.put("pool1_fwd_b64_ms", () -> op(ws, false, () -> ConvOps.maxPool2d(leaf(a1), p1)));
        work.put("pool1_fwdbwd_b64_ms", () -> op(ws, true, () -> ConvOps.maxPool2d(leaf(a1), p1)));
        work.put("conv2_fwd_b64_ms", () -> op(ws, false, () -> ConvOps.conv2d(leaf(a2), leaf(k2), leaf(b2), w2)));
        work.put("conv2_fwdbwd_b64_ms", () -> op(ws, true, () -> ConvOps.conv2d(leaf(a2), leaf(k2), leaf(b2), w2)));
        // Where the direct kernel's useful share is lowest among the shapes it takes (4×4 outputs on a 6-wide grid:
        // half the lanes at 512 bits), against the GEMM path of an older build.
        ConvOps.Window w3 = ConvOps.Window.of(6, 6, 3, 3, 1, 1, false);
        Tensor k3 = Tensor.uniform(Shape.of(32, 16, 3, 3), 0.1, rng), a4 = Tensor.uniform(Shape.of(64, 16, 6, 6), 1, rng);
        work.put("conv_6x6to4x4_c16f32_fwdbwd_b64_ms", () -> op(ws, true, () -> ConvOps.conv2d(leaf(a4), leaf(k3), null, w3)));
        work.put("pool2_fwdbwd_b64_ms", () -> op(ws, true, () -> ConvOps.maxPool2d(leaf(a3), p2)));
        work.put("avgpool1_fwdbwd_b64_ms", () -> op(ws, true, () -> ConvOps.avgPool2d(leaf(a1), p1)));

        Map<String, List<Double>> times = new LinkedHashMap<>();
        for (int r = 0; r < rounds + 2; r++) {
            for (Map.Entry<String, Runnable> e : work.entrySet()) {
                int reps = e.getKey().startsWith("lenet_predict_b1") ? 1 : 20;
                long t0 = MX.getCurrentThreadCpuTime();
                for (int i = 0; i < reps; i++) e.getValue().run();
                double ms = (MX.getCurrentThreadCpuTime() - t0) / 1e6 / reps;
                if (r >= 2) times.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(ms); // two rounds of JIT warm-up
            }
        }
        times.forEach((k, v) -> {
            v.sort(null);
            double med = v.get(v.size() / 2), best = v.get(0);
            System.out.println(String.format(Locale.ROOT, "%-34s median %9.3f best %9.3f ms%s", k, med, best,
                    k.endsWith("_us") ? " (per 1000 calls = µs per call)" : ""));
        });
    }

    private static final Map<Tensor, Tensor> GRADS = new java.util.IdentityHashMap<>();

    /** A trainable leaf whose gradient buffer is made once (the gradients accumulate; only the time is read). */
    private static Var leaf(Tensor t) { return Var.parameter(t, GRADS.computeIfAbsent(t, k -> new Tensor(k.shape(), new float[k.size()]))); }

    /** Runs one op (and its backward with a gradient of ones) with the workspace open, as a training step would. */
    private static void op(Workspace ws, boolean backward, java.util.function.Supplier<Var> f) {
        try (Workspace.Scope s = ws.open()) {
            Var y = f.get();
            if (!backward) return;
            java.util.Arrays.fill(y.grad().data(), 1f);
            y.backwardFromSeed();
        }
    }
}
