package org.layerlab.compute.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.layerlab.compute.autodiff.Var;
import org.layerlab.compute.data.Batch;
import org.layerlab.compute.data.Dataset;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.layers.ForwardContext;
import org.layerlab.compute.layers.Parameter;
import org.layerlab.compute.nn.Loss;
import org.layerlab.compute.nn.Optimizer;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.nn.Schedule;
import org.layerlab.compute.tensor.Workspace;
import org.layerlab.compute.layers.OutputLayer;
import org.layerlab.compute.train.TrainingEvents.BatchEnd;
import org.layerlab.compute.train.TrainingEvents.EndReason;
import org.layerlab.compute.train.TrainingEvents.EpochEnd;
import org.layerlab.compute.train.TrainingEvents.RunEnded;
import org.layerlab.compute.train.TrainingEvents.RunStarted;
import org.layerlab.compute.train.probe.WeightSnapshot;

/**
 * Trains a compiled network on a background executor with play/pause/step/stop control. All control methods
 * are non-blocking and callable from any thread; checks happen between batches, so a stop or pause never
 * leaves the weights half-updated.
 */
public final class Trainer {
    public enum State { READY, RUNNING, PAUSED, FINISHED }

    private final CompiledNetwork network;
    private final Dataset train;
    private final Dataset validation;
    private final Dataset test;
    private final TrainingConfig config;
    private final Loss loss;
    private final List<TrainingListener> listeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<RunEnded> completion = new CompletableFuture<>();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private State state = State.READY;
    private boolean pauseRequested;
    private int stepsGranted;
    private boolean stopRequested;
    /** How fast the run goes; read and waited on only under {@link #lock}, by the trainer's thread. */
    private Pace pace = new Pace();
    private boolean stepped;
    private long lastStepAt;
    private volatile Thread worker;
    private volatile Optimizer optimizer;
    private volatile SnapshotSink snapshots;
    /** At most this many spaced checkpoints besides the latest and the best (see {@link CheckpointRetention}). */
    public static final int SPACED_CHECKPOINTS = org.layerlab.compute.graph.MemoryEstimate.CHECKPOINT_COPIES - 2;
    private final CheckpointRetention checkpoints = new CheckpointRetention(SPACED_CHECKPOINTS);
    /** Where the run starts: null from fresh weights, else the checkpoint it continues from (set before start). */
    private volatile Checkpoint resumeFrom;
    /** Where traced steps go (see {@link #stepTraced}); null: nothing is traced. */
    private volatile java.util.function.Consumer<org.layerlab.compute.train.probe.StepTrace> traces;
    /** Steps granted and taken so far, and the grants {@link #stepTraced} asked a trace of (under {@link #lock}). */
    private long grantsIssued, grantsTaken;
    private final java.util.Set<Long> tracedGrants = new java.util.HashSet<>();
    /** A trace is asked for the next step, whichever it is. */
    private volatile boolean traceNext;
    /** Weight edits waiting for the trainer's thread, which applies them while paused (see {@link #setWeight}). */
    private final java.util.concurrent.ConcurrentLinkedQueue<WeightEdit> edits = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /** One weight to set, and who waits to hear the value it had. */
    private record WeightEdit(String key, int index, float value, CompletableFuture<Float> done) {}

    public Trainer(CompiledNetwork network, Dataset train, Dataset validation, TrainingConfig config) {
        this(network, train, validation, null, config);
    }

    /**
     * A trainer that also measures {@code test} (when not null and not empty) once, after the last epoch or an early
     * stop: its metrics join the end event's as "test_loss", "test_accuracy" or "test_rmse", "test_r2".
     */
    public Trainer(CompiledNetwork network, Dataset train, Dataset validation, Dataset test, TrainingConfig config) {
        if (!train.sampleShape().equals(network.inputShape())) {
            throw new IllegalArgumentException("the data set's samples are " + train.sampleShape()
                    + " but the network's Input expects " + network.inputShape());
        }
        this.loss = runLoss(network);
        this.network = network;
        this.train = train;
        this.validation = validation;
        this.test = test == null || test.size() == 0 ? null : test;
        this.config = config;
    }

    public void addListener(TrainingListener l) { listeners.add(l); }

    /**
     * Makes the run continue from {@code c} (a checkpoint of a run of the same network) instead of starting afresh:
     * its weights, buffers and early-stopping count, and its optimizer state when this run uses the same optimizer;
     * training goes on at the next epoch and step, with that epoch's random streams. With the same settings the
     * losses are exactly those the checkpoint's run went on to have; with other settings this is a branch. Call
     * before {@link #start}.
     */
    public void resumeFrom(Checkpoint c) {
        if (state() != State.READY) throw new IllegalStateException("a run resumes from a checkpoint before it starts");
        if (c.epoch() >= config.epochs()) {
            throw new IllegalArgumentException(TrainingSettings.TEXT.get("resumePastEnd", c.epoch(), config.epochs()));
        }
        resumeFrom = c;
    }

    /** The checkpoint this run continues from, or null. */
    public Checkpoint resumedFrom() { return resumeFrom; }

    // Each epoch's shuffle and dropout draw from their own stream, fixed by the seed and the epoch: a run resumed at
    // an epoch draws what the uninterrupted run drew there, with no generator state to save.
    static java.util.SplittableRandom epochStream(long seed, int epoch, long salt) {
        return new java.util.SplittableRandom(mix(seed ^ salt) + 0x9E3779B97F4A7C15L * epoch);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static final long SHUFFLE = 0x5348554646L, DROPOUT = 0x44524F50L;

    /**
     * Where this run publishes weight snapshots (before it starts; null for none). Without one, training copies
     * nothing; with one, it copies only the steps the sink finds due (see {@link SnapshotSink}).
     */
    public void setSnapshotSink(SnapshotSink sink) {
        if (state() != State.READY) throw new IllegalStateException("set the snapshot sink before the run starts");
        this.snapshots = sink;
    }

    /**
     * Where traced steps go: a traced step hands its forward and backward values (see
     * {@link org.layerlab.compute.train.probe.StepTrace}) to {@code sink} on the trainer's thread, which must only queue
     * them. Set before the run starts.
     */
    public void setTraceSink(java.util.function.Consumer<org.layerlab.compute.train.probe.StepTrace> sink) {
        if (state() != State.READY) throw new IllegalStateException("set the trace sink before the run starts");
        this.traces = sink;
    }

    /** Traces the next step the run takes (whichever it is; {@link #stepTraced} traces exactly the step it grants). */
    public void traceNextStep() { traceNext = true; }

    /**
     * While paused, sets one weight ({@code key} "nodeId/kernel", element {@code index}) on the trainer's own thread
     * between steps, never while a step uses the weights; the future completes with the value it had, or fails when the
     * run is not paused or has no such weight. Probes get a fresh snapshot of the edited weights.
     */
    public CompletableFuture<Float> setWeight(String key, int index, float value) {
        CompletableFuture<Float> done = new CompletableFuture<>();
        Parameter p = network.namedParameters().get(key);
        if (p == null || index < 0 || index >= p.value().size()) {
            done.completeExceptionally(new IllegalArgumentException("no weight " + key + "[" + index + "]"));
            return done;
        }
        lock.lock();
        try {
            if (state != State.PAUSED) {
                done.completeExceptionally(new IllegalStateException("weights are edited while the run is paused; it is " + state));
                return done;
            }
            edits.add(new WeightEdit(key, index, value, done));
            unhindered = false;
            changed.signalAll();
        } finally { lock.unlock(); }
        return done;
    }

    /** Applies the queued weight edits (trainer thread, paused) and publishes the edited weights. */
    private void applyEdits(long step, int epoch) {
        Map<String, Parameter> named = network.namedParameters();
        WeightEdit e;
        boolean any = false;
        while ((e = edits.poll()) != null) {
            float[] w = named.get(e.key()).value().data();
            float old = w[e.index()];
            w[e.index()] = e.value();
            any = true;
            e.done().complete(old);
        }
        SnapshotSink sink = snapshots;
        if (any && sink != null) publish(sink, WeightSnapshot.Kind.EDIT, step, epoch, false, null, null);
    }

    private void failEdits() {
        WeightEdit e;
        while ((e = edits.poll()) != null) e.done().completeExceptionally(new IllegalStateException("the run ended before the edit"));
    }

    public CompiledNetwork network() { return network; }
    public TrainingConfig config() { return config; }

    /** Completes with the end event when the run is over, however it ends. */
    public CompletableFuture<RunEnded> completion() { return completion; }

    public State state() {
        lock.lock();
        try { return state; } finally { lock.unlock(); }
    }

    /** The thread running the loop, or null before it starts and after it ends. */
    public Thread workerThread() { return worker; }

    /** Starts the run on {@code executor}; with {@code paused}, it waits for {@link #resume()} or {@link #step()}. */
    public CompletableFuture<RunEnded> start(Executor executor, boolean paused) {
        lock.lock();
        try {
            if (state != State.READY) throw new IllegalStateException("a trainer runs once; it is " + state);
            state = paused ? State.PAUSED : State.RUNNING;
            pauseRequested = paused;
        } finally { lock.unlock(); }
        JitWarmup.yieldTo(this); // the user's run has the cores
        executor.execute(this::run);
        return completion;
    }

    /**
     * Trains at this pace (shared by a session's runs, changeable while one trains); the default is full speed. Set
     * before {@link #start}.
     */
    public void setPace(Pace p) {
        lock.lock();
        try {
            if (state != State.READY) throw new IllegalStateException("set the pace before the run starts");
            pace = p;
        } finally { lock.unlock(); }
    }

    /** The pace this run trains at. */
    public Pace pace() {
        lock.lock();
        try { return pace; } finally { lock.unlock(); }
    }

    public void pause() { control(() -> pauseRequested = true); }

    public void resume() {
        control(() -> {
            pauseRequested = false;
            stepsGranted = 0;
            grantsIssued = grantsTaken;
            tracedGrants.clear();
        });
    }

    /** While paused: run exactly one more batch, then stay paused. */
    public void step() { control(() -> { pauseRequested = true; stepsGranted++; grantsIssued++; }); }

    /** {@link #step()}, and that very step is traced to the trace sink. */
    public void stepTraced() {
        control(() -> {
            pauseRequested = true;
            stepsGranted++;
            tracedGrants.add(++grantsIssued);
        });
    }

    /** Ends the run after the current batch. */
    public void stop() { control(() -> stopRequested = true); }

    private void control(Runnable change) {
        lock.lock();
        try {
            change.run();
            unhindered = false;
            changed.signalAll();
        } finally { lock.unlock(); }
    }

    /**
     * Blocks the training thread while paused, and between steps as long as the pace asks; false when the run should
     * stop. A step granted while paused goes at once, whatever the pace. Tells listeners when it really pauses and
     * when it goes on again (outside the lock: listeners never hold up the control methods); a pause publishes the
     * weights to the snapshot sink, with {@code epoch} the epoch of the last step done.
     */
    private boolean awaitPermission(long step, int epoch) throws InterruptedException {
        tracing = false;
        if (unhindered) { // nothing was asked of the run since its last step and it goes at full speed: no lock to take
            lastStepAt = pace.clock().nanoTime();
            return true;
        }
        boolean told = false;
        while (true) {
            boolean paused;
            lock.lock();
            try {
                paused = mustWait();
                if (paused) state = State.PAUSED;
            } finally { lock.unlock(); }
            if (paused && !told) {
                SnapshotSink sink = snapshots;
                if (sink != null) publish(sink, WeightSnapshot.Kind.PAUSE, step, epoch, false, null, null); // what a paused view shows
                for (TrainingListener l : listeners) l.runPaused(new TrainingEvents.RunPaused(step));
                told = true;
            }
            boolean go, turn, edit;
            lock.lock();
            try {
                while (mustWait() && edits.isEmpty()) changed.await();
                edit = !edits.isEmpty();
                go = !stopRequested;
                turn = !edit && go && (pauseRequested || awaitPace());
                if (turn) {
                    if (pauseRequested) {
                        stepsGranted--;
                        tracing = tracedGrants.remove(++grantsTaken);
                    }
                    state = State.RUNNING;
                    stepped = true;
                    lastStepAt = pace.clock().nanoTime();
                    unhindered = !pauseRequested && !stopRequested && edits.isEmpty() && pace.intervalNanos() == 0;
                }
            } finally { lock.unlock(); }
            if (edit) { // made while paused: applied before anything else happens to the weights
                applyEdits(step, epoch);
                continue;
            }
            if (!go) return false;
            if (turn) {
                if (told) for (TrainingListener l : listeners) l.runResumed(new TrainingEvents.RunResumed(step));
                return true;
            }
            // A pause or stop came while waiting for the pace: handle it as at the top.
        }
    }

    /** Waits (lock held) until the pace lets the next step start; false when a pause or stop came meanwhile. */
    private boolean awaitPace() throws InterruptedException {
        while (true) {
            if (stopRequested || pauseRequested) return false;
            long interval = pace.intervalNanos(), now = pace.clock().nanoTime();
            if (interval == 0 || !stepped || now - lastStepAt >= interval) return true;
            pace.clock().await(changed, lastStepAt + interval - now);
        }
    }

    private boolean mustWait() { return !stopRequested && pauseRequested && stepsGranted == 0; }

    /**
     * True while the run goes at full speed with no pause, stop, step grant or weight edit asked since its last step:
     * the next step may then start without taking the lock. Set under the lock by the trainer's thread when a step
     * starts; every control method (and a pace change, through its watcher) clears it under the lock.
     */
    private volatile boolean unhindered;

    /** The step about to run is traced (trainer thread). */
    private boolean tracing;

    private void run() {
        worker = Thread.currentThread();
        RunEnded end;
        Runnable unwatch = pace.watch(() -> control(() -> {}));
        try {
            end = loop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            end = new RunEnded(EndReason.STOPPED, "interrupted", 0, 0, Map.of());
        } catch (RuntimeException | Error e) {
            end = new RunEnded(EndReason.FAILED, String.valueOf(e.getMessage() == null ? e : e.getMessage()), 0, 0, Map.of());
        } finally {
            unwatch.run();
        }
        lock.lock();
        try { state = State.FINISHED; } finally { lock.unlock(); }
        failEdits();
        publishEnd(end);
        for (TrainingListener l : listeners) l.runEnded(end);
        worker = null;
        completion.complete(end);
    }

    /**
     * The loss a network is trained with: its Output head's, with the head's settings (Huber's δ). The loss has this
     * one home; the run settings do not name one.
     *
     * @throws IllegalArgumentException when the network does not end in an Output head
     */
    public static Loss runLoss(CompiledNetwork network) {
        var head = network.graph().node(network.outputId());
        if (!head.type().equals(OutputLayer.ID)) {
            throw new IllegalArgumentException(TrainingSettings.TEXT.get("noOutputHead", head.name(),
                    network.graph().typeOf(head.id()).displayName()));
        }
        return OutputLayer.loss(head.params());
    }

    /** This run's loss (see {@link #runLoss}). */
    public Loss loss() { return loss; }

    private RunEnded loop() throws InterruptedException {
        Optimizer optimizer = config.optimizerType().create(config.optimizerParams());
        this.optimizer = optimizer;
        double baseLr = optimizer.learningRate();
        Schedule schedule = config.scheduleType();
        List<Parameter> params = network.parameters();
        Map<String, Parameter> named = network.namedParameters();
        Checkpoint from = resumeFrom;
        if (from != null) from.restore(network, from.optimizerId().equals(config.optimizerType().id()) ? optimizer : null);
        int n = train.size(), bs = Math.min(config.batchSize(), n);
        int stepsPerEpoch = (n + bs - 1) / bs;
        long totalSteps = (long) stepsPerEpoch * config.epochs();
        long start = System.nanoTime();
        for (TrainingListener l : listeners) {
            l.runStarted(new RunStarted(config.epochs(), stepsPerEpoch, n, validation == null ? 0 : validation.size(), start));
        }
        long step = from == null ? 0 : from.step();
        SnapshotSink sink = snapshots;
        if (sink != null) publish(sink, WeightSnapshot.Kind.START, 0, 0, false, null, null);
        RunSteps run = new RunSteps(optimizer, baseLr, schedule, params, named, sink, n, bs, stepsPerEpoch, totalSteps);
        Map<String, Double> last = from == null ? Map.of() : from.metrics();
        String monitor = validation != null ? "val_loss" : "loss";
        double best = from == null ? Double.POSITIVE_INFINITY : from.bestMonitored();
        int sinceBest = from == null ? 0 : from.epochsSinceBest();
        for (int epoch = from == null ? 1 : from.epoch() + 1; epoch <= config.epochs(); epoch++) {
            int[] order = Dataset.permutation(n, epochStream(config.seed(), epoch, SHUFFLE));
            run.dropout = epochStream(config.seed(), epoch, DROPOUT);
            double lossSum = 0;
            long correct = 0;
            int seen = 0;
            Metrics.RegressionSums regression = new Metrics.RegressionSums();
            for (int b = 0; b < stepsPerEpoch; b++) {
                if (!awaitPermission(step, b == 0 ? epoch - 1 : epoch)) { // the epoch of the last step done
                    RunEnded broken = nonFinite(step, epoch, last);
                    return broken != null ? broken : new RunEnded(EndReason.STOPPED, "stopped", step, epoch, last);
                }
                long t0 = System.nanoTime();
                RunEnded broken = trainBatch(run, order, b, epoch, step, last, regression);
                if (broken != null) return broken;
                step++;
                int size = run.size;
                lossSum += run.loss * size;
                correct += run.correct;
                seen += size;
                long now = System.nanoTime();
                BatchEnd be = new BatchEnd(step, epoch, b + 1, run.loss,
                        loss.classification() ? (double) run.correct / size : Double.NaN,
                        size / Math.max(1e-9, (now - t0) / 1e9), now - start);
                for (TrainingListener li : listeners) li.batchEnded(be);
            }
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("loss", lossSum / seen);
            if (loss.classification()) metrics.put("accuracy", (double) correct / seen);
            else Evaluation.putRegression(metrics, "", regression);
            if (validation != null) metrics.putAll(Evaluation.evaluate(network, loss, validation, "val_"));
            metrics.put("learning_rate", optimizer.learningRate());
            last = Map.copyOf(metrics);
            RunEnded broken = nonFinite(step, epoch, last);
            if (broken != null) return broken;
            boolean stopEarly = false;
            if (config.patience() > 0) {
                double v = metrics.getOrDefault(monitor, Double.NaN);
                if (v < best - config.minDelta()) { best = v; sinceBest = 0; }
                else stopEarly = ++sinceBest >= config.patience();
            }
            if (config.checkpoints()) {
                Checkpoint c = Checkpoint.capture(epoch, step, network, config.optimizerType().id(), optimizer, last, best, sinceBest);
                checkpoints.add(c, metrics.getOrDefault(monitor, Double.NaN));
                TrainingEvents.CheckpointSaved cs = new TrainingEvents.CheckpointSaved(epoch, step, c.sizeBytes());
                for (TrainingListener li : listeners) li.checkpointSaved(cs);
            }
            EpochEnd ee = new EpochEnd(epoch, step, last, System.nanoTime() - start);
            for (TrainingListener li : listeners) li.epochEnded(ee);
            if (config.patience() > 0) {
                if (stopEarly) {
                    return new RunEnded(EndReason.COMPLETED, TrainerText.get("stoppedEarly", monitor, config.patience(), String.valueOf(best)), step, epoch,
                            withTest(last, loss));
                }
            }
        }
        return new RunEnded(EndReason.COMPLETED, "completed", step, config.epochs(), withTest(last, loss));
    }

    /** What every step of a run reads, looked up once per run (settings are map look-ups), and the last step's results. */
    private final class RunSteps {
        final Optimizer optimizer;
        final double baseLr;
        final Schedule schedule;
        final Params scheduleParams;
        final double clipNorm;
        final List<Parameter> params;
        final Parameter[] paramArray;
        final String[] keys;
        final SnapshotSink sink;
        final int n, bs, stepsPerEpoch;
        final long totalSteps;
        /** The last step's loss, batch size and correctly classified samples. */
        double loss;
        int size, correct;
        SplittableRandom dropout;

        RunSteps(Optimizer optimizer, double baseLr, Schedule schedule, List<Parameter> params, Map<String, Parameter> named, SnapshotSink sink,
                 int n, int bs, int stepsPerEpoch, long totalSteps) {
            this.optimizer = optimizer;
            this.baseLr = baseLr;
            this.schedule = schedule;
            this.scheduleParams = config.scheduleParams();
            this.clipNorm = config.clipNorm();
            this.params = params; // the network's order, which checkpoints index the optimizer's state by
            this.paramArray = named.values().toArray(new Parameter[0]);
            this.keys = named.keySet().toArray(new String[0]);
            this.sink = sink;
            this.n = n;
            this.bs = bs;
            this.stepsPerEpoch = stepsPerEpoch;
            this.totalSteps = totalSteps;
        }
    }

    /**
     * Batch {@code b} of the epoch: forward, loss, backward, the divergence guard, clipping and the update; its results go
     * to {@code run}. A method of its own (not a block of {@link #loop}'s nested loops) so the JIT compiles it whole as
     * a normal method rather than inside an on-stack-replacement of the run's loop. Null, or the end of a diverged run.
     */
    private RunEnded trainBatch(RunSteps run, int[] order, int b, int epoch, long step, Map<String, Double> last,
                                Metrics.RegressionSums regression) {
        int n = run.n, bs = run.bs;
        Parameter[] params = run.paramArray;
        // Every array the step makes comes from the network's workspace and is reused by the next step;
        // nothing from inside this block (outputs, batch, gradients of activations) may be kept past it.
        try (Workspace.Scope reuse = network.workspace().open()) {
            Batch batch = train.batch(order, b * bs, Math.min(n, (b + 1) * bs));
            Map<String, Var> outputs = network.forwardAll(batch.x(), new ForwardContext(true, run.dropout));
            Var out = outputs.get(network.outputId());
            Var l = loss.compute(out, batch);
            double lv = l.value().item();
            if (!Double.isFinite(lv)) {
                String node = firstNonFinite(outputs);
                String what = node != null ? TrainerText.get("loss.notFinite", String.valueOf(lv), network.graph().node(node).name())
                        : TrainerText.get("loss.tooLarge", String.valueOf(lv), network.graph().node(network.outputId()).name());
                return diverged(step + 1, epoch, last, node != null ? node : network.outputId(), what);
            }
            for (Parameter p : params) p.zeroGrad();
            l.backward();
            var tracer = traces;
            boolean traced = tracer != null && (tracing || traceNext);
            // The divergence guard over the gradients, before anything changes the weights. With clipping on, the norm's
            // pass reads every gradient anyway: a finite sum of squares proves them all finite, and only a non-finite one
            // (a NaN or infinity, or squares overflowing) needs the per-parameter look.
            double squares = run.clipNorm > 0 ? sumOfSquares(run.params) : Double.NaN;
            for (int i = 0; i < params.length && !Double.isFinite(squares); i++) {
                if (!params[i].grad().allFinite()) {
                    String node = network.nodeOf(run.keys[i]).id();
                    return diverged(step + 1, epoch, last, node, TrainerText.get("gradient", network.graph().node(node).name(), params[i].name()));
                }
            }
            boolean endsEpoch = b == run.stepsPerEpoch - 1;
            SnapshotSink sink = run.sink;
            // A due step keeps the loss's own gradients: clipping and the optimizer's penalties change them next.
            boolean publishing = sink != null && sink.due(step + 1, endsEpoch, System.nanoTime());
            Map<String, float[]> gradients = publishing ? WeightSnapshot.copyGradients(network) : null;
            Map<String, float[]> before = publishing ? WeightSnapshot.copyWeights(network) : null;
            Map<String, float[]> traceGradients = traced ? (gradients != null ? gradients : WeightSnapshot.copyGradients(network)) : null;
            Map<String, float[]> traceBefore = traced ? (before != null ? before : WeightSnapshot.copyWeights(network)) : null;
            if (run.clipNorm > 0) clipGlobalNorm(run.params, run.clipNorm, squares);
            run.optimizer.setLearningRate(run.baseLr * run.schedule.factor(run.scheduleParams, step, run.stepsPerEpoch, run.totalSteps));
            run.optimizer.step(run.params);
            long taken = step + 1;
            if (traced) {
                traceNext = false;
                tracer.accept(trace(taken, epoch, order, b * bs, batch, outputs, lv, traceGradients, traceBefore));
            }
            if (publishing) publish(sink, WeightSnapshot.Kind.STEP, taken, epoch, endsEpoch, gradients, before);
            run.loss = lv;
            run.size = batch.size();
            run.correct = loss.classification() ? Evaluation.countCorrect(loss, out.value(), batch.labels()) : 0;
            if (!loss.classification()) regression.add(out.value().data(), batch.targets());
        }
        return null;
    }

    /**
     * The trace of a step just taken: every node's output and its gradient (copied out of the step's workspace before it
     * is reused), and each parameter before, its gradient, after.
     */
    private org.layerlab.compute.train.probe.StepTrace trace(long step, int epoch, int[] order, int from, Batch batch,
                                                              Map<String, Var> outputs, double lv, Map<String, float[]> gradients,
                                                              Map<String, float[]> before) {
        int rows = batch.size();
        int[] samples = java.util.Arrays.copyOfRange(order, from, from + rows);
        List<org.layerlab.compute.train.probe.StepTrace.Layer> layers = new java.util.ArrayList<>();
        for (Map.Entry<String, Var> e : outputs.entrySet()) {
            Var v = e.getValue();
            var node = network.graph().node(e.getKey());
            float[] grad = v.requiresGrad() ? v.grad().data().clone() : null;
            layers.add(new org.layerlab.compute.train.probe.StepTrace.Layer(node.id(), node.name(), node.type(),
                    v.value().size() / rows, v.value().data().clone(), grad));
        }
        List<org.layerlab.compute.train.probe.StepTrace.Weights> weights = new java.util.ArrayList<>();
        for (Map.Entry<String, Parameter> e : network.namedParameters().entrySet()) {
            var node = network.nodeOf(e.getKey());
            Parameter p = e.getValue();
            weights.add(new org.layerlab.compute.train.probe.StepTrace.Weights(e.getKey(), node.id(), node.name(), p.name(),
                    p.value().shape().dims(), before.get(e.getKey()), gradients.get(e.getKey()), p.value().data().clone()));
        }
        return new org.layerlab.compute.train.probe.StepTrace(step, epoch, samples,
                batch.labels() == null ? null : batch.labels().clone(), batch.targets() == null ? null : batch.targets().clone(),
                loss.id(), lv, layers, weights);
    }

    /** The last epoch's metrics and, when there is a test set, the test metrics measured now (after training). */
    private Map<String, Double> withTest(Map<String, Double> last, Loss loss) {
        if (test == null) return last;
        Map<String, Double> m = new LinkedHashMap<>(last);
        m.putAll(Evaluation.evaluate(network, loss, test, TEST_PREFIX));
        return Map.copyOf(m);
    }

    private void publish(SnapshotSink sink, WeightSnapshot.Kind kind, long step, int epoch, boolean endsEpoch,
                         Map<String, float[]> gradients, Map<String, float[]> before) {
        sink.publish(new WeightSnapshot(kind, step, epoch, endsEpoch, System.nanoTime(), WeightSnapshot.copyWeights(network),
                gradients, before, WeightSnapshot.copyBuffers(network)));
    }

    /**
     * The weights a run ends with (the sink passes them to whoever has not seen this step). A diverged or failed run's
     * weights are not worth analysing: its last good snapshot stays the last one.
     */
    private void publishEnd(RunEnded end) {
        SnapshotSink sink = snapshots;
        if (sink == null || end.reason() == EndReason.DIVERGED || end.reason() == EndReason.FAILED) return;
        try {
            // A completed run (early stops too) ends at an epoch's end: its last epoch is measured even when it came too
            // soon after the previous one for a probe's minimum gap.
            publish(sink, WeightSnapshot.Kind.END, end.step(), end.epoch(), end.reason() == EndReason.COMPLETED, null, null);
        } catch (RuntimeException e) {
            // the run's end is reported whatever happens to its last snapshot
        }
    }

    /** Prefix of the metrics measured on the test set at the end of a run. */
    public static final String TEST_PREFIX = "test_";

    private RunEnded diverged(long step, int epoch, Map<String, Double> last, String node, String what) {
        return new RunEnded(EndReason.DIVERGED, TrainerText.get(config.clipNorm() > 0 ? "diverged.kept" : "diverged.keptClip", what,
                String.valueOf(step), String.valueOf(epoch), String.valueOf(step - 1)),
                step - 1, epoch, last, node);
    }

    /**
     * The guard after the updates: the per-batch guard checks each loss before its update, so the last update of an
     * epoch (or of the run) could leave NaN or an infinity in the weights, or in the epoch's metrics, unseen. Such a
     * run has diverged, whatever its last printed loss said; null when everything is finite.
     */
    private RunEnded nonFinite(long step, int epoch, Map<String, Double> metrics) {
        for (Map.Entry<String, Parameter> e : network.namedParameters().entrySet()) {
            if (!e.getValue().value().allFinite()) {
                String node = network.nodeOf(e.getKey()).id();
                return divergedAfter(step, epoch, metrics, node, TrainerText.get("weights", network.graph().node(node).name(), e.getValue().name()));
            }
        }
        for (Map.Entry<String, Double> m : metrics.entrySet()) {
            if (m.getKey().endsWith("accuracy")) continue;
            if (!Double.isFinite(m.getValue())) {
                return divergedAfter(step, epoch, metrics, network.outputId(), TrainerText.get("metric", m.getKey(), String.valueOf(m.getValue())));
            }
        }
        return null;
    }

    private RunEnded divergedAfter(long step, int epoch, Map<String, Double> metrics, String node, String what) {
        return new RunEnded(EndReason.DIVERGED, TrainerText.get(config.clipNorm() > 0 ? "diverged" : "divergedClip", what,
                String.valueOf(step), String.valueOf(epoch)), step, epoch, metrics, node);
    }

    /** The first node (topological order) whose output holds NaN or an infinity, or null. */
    private static String firstNonFinite(Map<String, Var> outputs) {
        for (Map.Entry<String, Var> e : outputs.entrySet()) if (!e.getValue().value().allFinite()) return e.getKey();
        return null;
    }

    /** Σg² over every gradient, summed in double in parameter order (the clipping's norm depends on this order). */
    private static double sumOfSquares(List<Parameter> params) {
        double sq = 0;
        for (Parameter p : params) for (float g : p.grad().data()) sq += (double) g * g;
        return sq;
    }

    /** Scales all gradients down together when their joint L2 norm exceeds {@code max} (PyTorch's clip_grad_norm_). */
    static void clipGlobalNorm(List<Parameter> params, double max) { clipGlobalNorm(params, max, sumOfSquares(params)); }

    /** {@link #clipGlobalNorm(List, double)} with the gradients' sum of squares already taken ({@link #sumOfSquares}). */
    private static void clipGlobalNorm(List<Parameter> params, double max, double sq) {
        double norm = Math.sqrt(sq);
        if (norm <= max) return;
        float scale = (float) (max / (norm + 1e-6));
        for (Parameter p : params) {
            float[] g = p.grad().data();
            for (int i = 0; i < g.length; i++) g[i] *= scale;
        }
    }

    /**
     * The checkpoints kept so far, by epoch: the latest, the best by the monitored loss and a spaced selection,
     * at most {@link #SPACED_CHECKPOINTS} + 2 however long the run (empty when the configuration turns them off).
     */
    public List<Checkpoint> checkpoints() { return checkpoints.all(); }

    /** The checkpoint of the most recent epoch, or null. */
    public Checkpoint latestCheckpoint() { return checkpoints.latest(); }

    /** The checkpoint with the lowest monitored loss ("val_loss" with a validation set, else "loss"), or null. */
    public Checkpoint bestCheckpoint() { return checkpoints.best(); }

    /** Puts the network and optimizer back to a checkpoint; only while paused or after the run. */
    public void restore(Checkpoint c) {
        State s = state();
        if (s == State.RUNNING) throw new IllegalStateException("pause the run before restoring a checkpoint");
        c.restore(network, optimizer);
    }
}
