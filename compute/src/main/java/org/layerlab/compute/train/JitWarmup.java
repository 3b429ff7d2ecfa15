package org.layerlab.compute.train;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.data.DataContext;
import org.layerlab.compute.data.DataException;
import org.layerlab.compute.data.Dataset;
import org.layerlab.compute.data.IdxFiles;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.ReferenceNetworks;
import org.layerlab.compute.kernels.Threads;
import org.layerlab.compute.nn.Optimizers;
import org.layerlab.compute.train.TrainingEvents.EndReason;
import org.layerlab.compute.train.TrainingEvents.RunEnded;

/**
 * Trains two small runs on made-up images in the background, so that the JIT has compiled the training kernels before
 * the user's first run. Until C2 has compiled a kernel, its vector code runs in the interpreter or C1, where every
 * vector operation allocates: a fresh JVM's first Fashion-MNIST epoch spends most of its first second there
 * (benchmarks/README.md, "JIT warm-up"). The window starts this once it is shown; the first run the user starts stops
 * it between two batches, so it never competes with real work for long.
 *
 * <p>The runs are the reference MLP and LeNet-5 at batch 64 with Adam on 8-bit images, with a validation set: the
 * products, packing, optimizer, byte decoding and evaluation paths a first run takes, at sizes that reach every branch
 * of the GEMM (several K blocks, full and edge tiles, the split over the kernel threads). Nothing they learn is kept.
 */
public final class JitWarmup {
    private static final Logger LOG = Logger.getLogger(JitWarmup.class.getName());
    /** {@code -Dlayerlab.warmup=false} turns the warm-up off (to measure a cold first run). */
    public static final boolean ENABLED = !"false".equals(System.getProperty("layerlab.warmup"));
    private static final int IMAGE_SIDE = 28, CLASSES = 10, BATCH = 64;

    /** One planned run: a network and how many batches of made-up images it trains on. */
    record Stage(String name, ModelGraph graph, boolean flat, int batches) {}

    private static volatile JitWarmup current;

    private final List<Stage> stages;
    private final AtomicBoolean yielded = new AtomicBoolean();
    private final CompletableFuture<Result> done = new CompletableFuture<>();
    private volatile Trainer running;
    /** Told of each warm-up run's events (tests watch the warm-up with it). */
    private final TrainingListener watcher;

    /** What a warm-up did: the batches it trained and its wall time; {@code stopped} when a user's run ended it early. */
    public record Result(int batches, long millis, boolean stopped) {}

    JitWarmup(List<Stage> stages, TrainingListener watcher) {
        this.stages = List.copyOf(stages);
        this.watcher = watcher;
    }

    /** The runs the background warm-up trains: about 1.5 s of one core on a cold JVM, well under that once warm. */
    static List<Stage> defaultStages() {
        return List.of(new Stage("mlp", ReferenceNetworks.fashionMlp(), true, 100),
                new Stage("lenet", ReferenceNetworks.leNet5(), false, 24));
    }

    /**
     * Starts the warm-up on a daemon thread, once per JVM (later calls return the same future); a future that is
     * already complete with no batches when {@link #ENABLED} is false.
     */
    public static synchronized CompletableFuture<Result> startInBackground() {
        if (!ENABLED) return CompletableFuture.completedFuture(new Result(0, 0, false));
        if (current == null) {
            JitWarmup w = new JitWarmup(defaultStages(), new TrainingListener() {});
            current = w;
            Thread t = new Thread(w::run, "layerlab-warm-up");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            t.start();
        }
        return current.done;
    }

    /** Makes {@code w} the warm-up that starting runs stop (tests; {@link #startInBackground} does it for the real one). */
    static synchronized void makeCurrent(JitWarmup w) { current = w; }

    /** Called as any run starts: a warm-up still going stops after its current batch. */
    static void yieldTo(Trainer starting) {
        JitWarmup w = current;
        if (w != null && w.running != starting) w.yield();
    }

    /** Completes when the warm-up has ended, however it ended. */
    CompletableFuture<Result> done() { return done; }

    void yield() {
        yielded.set(true);
        Trainer t = running;
        if (t != null) t.stop();
    }

    /** Trains the stages one after the other on this thread. Never throws: a failed warm-up only costs speed. */
    void run() {
        long t0 = System.nanoTime();
        int batches = 0;
        try {
            for (Stage s : stages) {
                if (yielded.get()) break;
                batches += train(s);
            }
        } catch (RuntimeException | DataException | org.layerlab.compute.catalog.InvalidParamException | Error e) {
            LOG.log(Level.FINE, "the JIT warm-up failed (training is only slower at first)", e);
        }
        done.complete(new Result(batches, (System.nanoTime() - t0) / 1_000_000, yielded.get()));
    }

    /** One stage's run, on the calling thread; returns the batches it trained. */
    private int train(Stage s) throws DataException, org.layerlab.compute.catalog.InvalidParamException {
        SplittableRandom rng = new SplittableRandom(7);
        Dataset data = images(s.batches() * BATCH, s.flat(), rng), validation = images(4 * BATCH, s.flat(), rng);
        Params adam = Params.of(Optimizers.ADAM.params(), Map.of("learningRate", 1e-3));
        Trainer t = new Trainer(CompiledNetwork.compile(s.graph(), 1), data, validation,
                new TrainingConfig("adam", adam, BATCH, 1, 1).withCheckpoints(false));
        t.addListener(watcher);
        running = t;
        if (yielded.get()) return 0; // a run started while this one was being built
        // On this thread alone (the executor runs the loop right here, its kernels stay on it): the other core stays
        // free for the window, which the user may already be using. The kernels take the same paths either way.
        RunEnded end = Threads.serially(() -> t.start(Runnable::run, false).join());
        running = null;
        return end.reason() == EndReason.COMPLETED ? s.batches() : (int) end.step();
    }

    /** {@code n} random 28×28 8-bit images with random labels, read through the IDX reader as real image files are. */
    static Dataset images(int n, boolean flat, SplittableRandom rng) throws DataException {
        byte[] pixels = new byte[n * IMAGE_SIDE * IMAGE_SIDE], labels = new byte[n];
        rng.nextBytes(pixels);
        for (int i = 0; i < n; i++) labels[i] = (byte) rng.nextInt(CLASSES);
        return IdxFiles.read("warm-up images", idx(0x803, pixels, n, IMAGE_SIDE, IMAGE_SIDE), "warm-up labels",
                idx(0x801, labels, n), flat, n, "warm-up", IdxFiles.DIGIT_CLASSES, DataContext.of(null));
    }

    /** An IDX file in memory: the magic number, the dimensions, then the bytes. */
    private static byte[] idx(int magic, byte[] body, int... dims) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length + 16);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(magic);
            for (int d : dims) out.writeInt(d);
            out.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }
}
