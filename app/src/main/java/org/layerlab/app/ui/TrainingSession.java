package org.layerlab.app.ui;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.layerlab.charts.model.RunInfo;
import org.layerlab.compute.data.DataContext;
import org.layerlab.compute.data.DataException;
import org.layerlab.charts.model.RunRecorder;
import org.layerlab.compute.export.TrainedModel;
import org.layerlab.compute.project.RunWeights;
import org.layerlab.compute.data.Dataset;
import org.layerlab.compute.data.Splits;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.graph.GraphException;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.Node;
import org.layerlab.compute.graph.ShapeInference;
import org.layerlab.compute.project.Project;
import org.layerlab.compute.train.ComputePool;
import org.layerlab.compute.train.Evaluation;
import org.layerlab.compute.train.Pace;
import org.layerlab.compute.train.Trainer;
import org.layerlab.compute.train.TrainingEvents.BatchEnd;
import org.layerlab.compute.train.TrainingEvents.EndReason;
import org.layerlab.compute.train.TrainingEvents.EpochEnd;
import org.layerlab.compute.train.TrainingEvents.RunEnded;
import org.layerlab.compute.train.TrainingConfig;
import org.layerlab.compute.train.TrainingListener;
import org.layerlab.compute.train.TrainingSettings;
import org.layerlab.compute.train.probe.ProbeHub;
import org.layerlab.compute.train.probe.StandardProbes;
import org.layerlab.compute.layers.OutputLayer;
import org.layerlab.compute.text.Messages;

/**
 * View model of the training controls. Owns the current {@link Trainer}; the trainer's thread only writes the
 * latest figures into an atomic snapshot, and an FX timer publishes them to read-only properties, so the FX
 * thread never waits on compute.
 */
public final class TrainingSession {
    private static final org.layerlab.compute.text.Messages FILE_TEXT =
            org.layerlab.compute.text.Messages.of("org.layerlab.app.i18n.files", TrainingSession.class);
    /** What the controls show. */
    public enum Status { IDLE, RUNNING, PAUSED, FINISHED }

    /**
     * The latest figures from the trainer, replaced as a whole: accuracy for a classification run, RMSE and R² (the
     * last epoch's, on the training set) for a regression run; the others are NaN.
     */
    public record Progress(int epoch, int epochs, long step, double loss, double accuracy, double samplesPerSecond,
                           double rmse, double r2) {
        static final Progress NONE = new Progress(0, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

        public Progress(int epoch, int epochs, long step, double loss, double accuracy, double samplesPerSecond) {
            this(epoch, epochs, step, loss, accuracy, samplesPerSecond, Double.NaN, Double.NaN);
        }

        /** Whether the run reports RMSE and R² (regression) rather than accuracy. */
        public boolean regression() { return !Double.isNaN(rmse); }
    }

    /**
     * Makes the recorder of one new run (the charts'): the trainer's listener and where the run's probes deliver;
     * called on the FX thread.
     */
    @FunctionalInterface
    public interface RunListeners {
        RunRecorder newRun(RunInfo info);
    }

    static final Messages TEXT = Messages.of("org.layerlab.app.i18n.training", TrainingSession.class);
    /** The run's state as the status bar says it (the main window's bundle). */
    private static final Messages STATUS_TEXT = Messages.of("org.layerlab.app.i18n.mainwindow", TrainingSession.class);

    private final ComputePool pool;
    private final Supplier<Project> project;
    private final RunListeners runListeners;
    /**
     * A trainer's event as it crosses to the FX thread, with the run it belongs to: after Reset and Train, the old
     * trainer's last events still arrive, and must not mark the new run finished or overwrite its figures.
     */
    private record Tagged<T>(long run, T event) {}

    private final AtomicReference<Tagged<Progress>> latest = new AtomicReference<>(new Tagged<>(0, Progress.NONE));
    private final AtomicReference<Tagged<RunEnded>> ended = new AtomicReference<>();
    /** The latest traced step (Step), crossing from the trainer's thread to the FX timer. */
    private final AtomicReference<Tagged<org.layerlab.compute.train.probe.StepTrace>> traced = new AtomicReference<>();
    private final ReadOnlyObjectWrapper<org.layerlab.compute.train.probe.StepTrace> trace = new ReadOnlyObjectWrapper<>();
    /** The run list's id of the current run (0 before the first). */
    private volatile int currentRunId;
    /** The current run's network is small enough for the step-through panel (every layer at most 64 wide). */
    private boolean traceable;
    /** The run whose events count; every start and reset moves it on. FX thread writes, trainer threads read. */
    private volatile long currentRun;
    private final ReadOnlyObjectWrapper<TrainingConfig> trainedSettings = new ReadOnlyObjectWrapper<>();
    /** The status message is a "Cannot train" refusal, to be cleared once the network or settings are fixed. */
    private boolean refused;
    /** The data as the refused attempt saw it, to re-check edits against without loading it again. */
    private org.layerlab.compute.train.RunPreflight.DataDescription refusedData;
    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(Status.IDLE);
    private final ReadOnlyObjectWrapper<Progress> progress = new ReadOnlyObjectWrapper<>(Progress.NONE);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(TEXT.get("ready"));
    private final ReadOnlyObjectWrapper<ModelGraph> trainedGraph = new ReadOnlyObjectWrapper<>();
    private Trainer trainer;
    private ProbeHub probes;
    private Supplier<StandardProbes.Settings> probeSettings = () -> StandardProbes.Settings.DEFAULT;
    /** How fast every run of this session trains (the toolbar's speed control); the trainer does the waiting. */
    private final Pace pace = new Pace();
    /** What a finished run can be branched from: its network, settings and kept checkpoints, for the last few runs. */
    private final Map<Integer, Branchable> branchable = new LinkedHashMap<>() {
        @Override protected boolean removeEldestEntry(Map.Entry<Integer, Branchable> e) { return size() > BRANCHABLE_RUNS; }
    };
    /** Runs whose checkpoints stay in memory for branching (each keeps at most a handful, see Trainer.SPACED_CHECKPOINTS). */
    static final int BRANCHABLE_RUNS = 6;

    /** A run's network and settings, and its trainer (which holds the checkpoints). */
    private record Branchable(org.layerlab.compute.graph.ModelGraph graph, org.layerlab.compute.train.TrainingConfig settings,
                              Trainer trainer) {}
    private java.util.function.BiConsumer<Integer, RunWeights> weightsKept = (id, w) -> {};
    /** Renewed when another project replaces this one: a run still ending then must not hand its weights to it. */
    private Object projectToken = new Object();
    private java.util.function.Function<org.layerlab.compute.project.DatasetSpec, Splits> prepared = s -> null;

    /**
     * @param project supplies the project as edited now (read on the FX thread when a run starts)
     * @param runListeners gives each new run its own listener (must not block)
     */
    /** Where the project's relative data file names are resolved (the project file's folder; null: the working folder). */
    private Supplier<java.nio.file.Path> dataFolder = () -> null;

    /** Resolves relative data file names against {@code folder}'s folder (read on the FX thread when a run starts). */
    void useDataFolder(Supplier<java.nio.file.Path> folder) { dataFolder = folder; }

    public TrainingSession(ComputePool pool, Supplier<Project> project, RunListeners runListeners) {
        this.pool = pool;
        this.project = project;
        this.runListeners = runListeners;
        new AnimationTimer() {
            @Override public void handle(long now) { publish(); }
        }.start();
    }

    public ReadOnlyObjectProperty<Status> statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Progress> progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    /** The graph snapshot the current run trains (null when idle); the editor compares it with the document. */
    public ReadOnlyObjectProperty<ModelGraph> trainedGraphProperty() { return trainedGraph.getReadOnlyProperty(); }

    /** The settings the current run trains with (null when idle); the Training panel compares them with the document's. */
    public ReadOnlyObjectProperty<TrainingConfig> trainedSettingsProperty() { return trainedSettings.getReadOnlyProperty(); }

    /** The trainer's latest figures, read straight from the trainer side (any thread; the properties lag a frame). */
    public Progress latestProgress() {
        Tagged<Progress> t = latest.get();
        return t.run() == currentRun ? t.event() : Progress.NONE;
    }

    /**
     * The network or the settings changed: a "Cannot train" message stays only while the run's checks still fail for
     * the edited project (on the data as it was described when Train was refused), so an Undo that fixes it clears it.
     */
    public void documentChanged() {
        if (!refused || refusedData == null) return;
        Project p = project.get();
        if (org.layerlab.compute.train.RunPreflight.check(p.graph(), refusedData, p.training()).isEmpty()) {
            refused = false;
            refusedData = null;
            message.set(TEXT.get("ready"));
        }
    }

    /** The number of the run whose events are shown (tests). */
    long currentRun() { return currentRun; }

    /** The probes of the current or last run (null before the first), for tests and inspection. */
    public ProbeHub probes() { return probes; }

    /** How much analysis the next runs get (the window reads the charts' sampling interval). */
    public void useProbeSettings(Supplier<StandardProbes.Settings> settings) { probeSettings = settings; }

    /** The current run's training set, for tracing any of its samples (Step through); null before a run. */
    private Dataset tracedTrain;
    /** The network samples outside a step's batch are traced on (one at a time), and the graph it was compiled from. */
    private final Object sampleLock = new Object();
    private CompiledNetwork sampleNet;
    private ModelGraph sampleGraph;

    /**
     * Step through's source for any training sample of the current run: the training set's size, and a sample's forward
     * and backward pass on its own at the weights a traced step started from ({@link
     * org.layerlab.compute.train.probe.SampleTrace}), on the pool on a network of its own, never the trainer's.
     */
    public org.layerlab.charts.inside.StepThroughView.SampleSource sampleSource() {
        return new org.layerlab.charts.inside.StepThroughView.SampleSource() {
            @Override public int size() { return tracedTrain == null ? 0 : tracedTrain.size(); }

            @Override public java.util.concurrent.CompletableFuture<org.layerlab.compute.train.probe.SampleTrace> trace(
                    org.layerlab.compute.train.probe.StepTrace step, int index) {
                ModelGraph graph = trainedGraph.get();
                TrainingConfig settings = trainedSettings.get();
                Dataset train = tracedTrain;
                if (graph == null || settings == null || train == null) {
                    return java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException(TEXT.get("ready")));
                }
                return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    synchronized (sampleLock) {
                        if (sampleGraph != graph) {
                            sampleNet = CompiledNetwork.compile(graph, settings.seed());
                            sampleGraph = graph;
                        }
                        return org.layerlab.compute.train.probe.SampleTrace.of(step, sampleNet, Trainer.runLoss(sampleNet), train, index);
                    }
                }, pool.executor());
            }
        };
    }

    /** The last step Step traced for the current run (null until one), published on the FX thread. */
    public ReadOnlyObjectProperty<org.layerlab.compute.train.probe.StepTrace> traceProperty() { return trace.getReadOnlyProperty(); }

    /** The run list's id of the current or last run (0 before the first). */
    public int currentRunId() { return currentRunId; }

    /**
     * Sets one weight of {@code t}'s network while it is paused, on the trainer's side (see {@link Trainer#setWeight});
     * a refusal shows in the status message. The future gives the value the weight had.
     */
    public java.util.concurrent.CompletableFuture<Float> setWeight(Trainer t, String key, int index, float value) {
        return t.setWeight(key, index, value).whenComplete((old, err) -> {
            if (err != null) {
                Throwable cause = err.getCause() != null && err instanceof java.util.concurrent.CompletionException ? err.getCause() : err;
                var text = org.layerlab.charts.inside.WiresView.TEXT;
                // not paused (any more): the run went on or ended before the trainer got to the edit
                javafx.application.Platform.runLater(() -> message.set(text.get("wires.editFailed",
                        cause instanceof IllegalStateException ? text.get("wires.pausedOnly") : cause.getMessage())));
            }
        });
    }

    /** The current or last trainer, for tests and inspection. */
    public Trainer trainer() { return trainer; }

    /** The pace runs train at; changing it takes effect at once, also in a run that is training. */
    public Pace pace() { return pace; }

    /** Where a run's weights go when it ends (FX thread): the document keeps them with the run. */
    public void onWeightsKept(java.util.function.BiConsumer<Integer, RunWeights> sink) { weightsKept = sink; }

    /** Another project replaced this one: stops and forgets the current run, whose weights belong to the old project. */
    public void projectReplaced() {
        projectToken = new Object();
        reset();
    }

    /**
     * Starts a new run from the weights run {@code parentRunId} kept (its branch in the charts begins at
     * {@code forkStep}), instead of fresh ones. The network must still be the one those weights were trained for.
     */
    public void continueFrom(int parentRunId, Long forkStep, TrainedModel from) {
        if (trainer != null && trainer.state() != Trainer.State.FINISHED) {
            message.set(FILE_TEXT.get("stopFirst"));
            return;
        }
        if (startRun(false, from, parentRunId, forkStep)) status.set(Status.RUNNING);
    }

    /**
     * The points of run {@code runId} it can be branched from (its kept checkpoints: the latest, the best and a spaced
     * selection), oldest first; empty when the run is not one of the last few of this session or is still going.
     */
    public java.util.List<BranchPoint> branchPoints(int runId) {
        Branchable b = branchable.get(runId);
        if (b == null || b.trainer().state() != Trainer.State.FINISHED) return java.util.List.of();
        return b.trainer().checkpoints().stream()
                .map(c -> new BranchPoint(c.epoch(), c.step(), c.metrics().getOrDefault("loss", Double.NaN))).toList();
    }

    /** Shows {@code text} in the status bar (FX thread). */
    void messageFor(String text) { message.set(text); }

    /** A point a run can be branched from: the end of an epoch, its step, and the epoch's training loss. */
    public record BranchPoint(int epoch, long step, double loss) {}

    /**
     * Branches run {@code runId} at the end of epoch {@code epoch}: a new run with that run's network and the run
     * settings as they are now (change the learning rate, optimizer, batch size or regularisation first), continuing
     * from the checkpoint's weights and optimizer state. It starts at the fork step, linked to its parent, and its name
     * says what changed ("Run 1 → learning rate 0.003"). With unchanged settings it repeats the parent's losses exactly.
     */
    public boolean branchFrom(int runId, String parentName, int epoch) {
        if (trainer != null && trainer.state() != Trainer.State.FINISHED) {
            message.set(FILE_TEXT.get("stopFirst"));
            return false;
        }
        Branchable b = branchable.get(runId);
        var c = b == null ? null : b.trainer().checkpoints().stream().filter(k -> k.epoch() == epoch).findFirst().orElse(null);
        if (c == null) {
            message.set(BRANCH_TEXT.get("noCheckpoint", parentName, epoch));
            return false;
        }
        var now = project.get().training();
        if (now.epochs() <= epoch) {
            message.set(BRANCH_TEXT.get("pastEnd", parentName, epoch, now.epochs()));
            return false;
        }
        String change = changes(b.settings(), now);
        String name = change.isEmpty() ? BRANCH_TEXT.get("nameSame", parentName, epoch) : BRANCH_TEXT.get("name", parentName, change);
        if (startRun(false, null, runId, c.step(), c, b.graph(), name, BRANCH_TEXT.get("from", parentName, epoch, change.isEmpty()
                ? BRANCH_TEXT.get("unchanged") : change))) {
            status.set(Status.RUNNING);
            return true;
        }
        return false;
    }

    /** "learning rate 0.003, batch size 64": the run settings that differ, with their new values. */
    static String changes(org.layerlab.compute.train.TrainingConfig before, org.layerlab.compute.train.TrainingConfig after) {
        Map<String, String> a = TrainingSettings.describe(before.settings()), b = TrainingSettings.describe(after.settings());
        java.util.List<String> out = new java.util.ArrayList<>();
        b.forEach((k, v) -> {
            if (!v.equals(a.get(k)) && !k.equals(TrainingSettings.spec(TrainingSettings.EPOCHS).label())) {
                out.add(k.length() > 1 && Character.isUpperCase(k.charAt(0)) && Character.isLowerCase(k.charAt(1))
                        ? k.substring(0, 1).toLowerCase(Locale.ROOT) + k.substring(1) + " " + v : k + " " + v);
            }
        });
        return String.join(", ", out);
    }

    static final org.layerlab.compute.text.Messages BRANCH_TEXT =
            org.layerlab.compute.text.Messages.of("org.layerlab.app.i18n.branch", TrainingSession.class);

    /**
     * Measures kept weights on the project's data (loss and metrics on the training and validation sets) on the
     * compute pool, and shows the result in the status message.
     */
    public java.util.concurrent.CompletableFuture<Map<String, Double>> evaluate(String runName, TrainedModel m) {
        Project p = project.get();
        java.nio.file.Path folder = dataFolder.get();
        message.set(FILE_TEXT.get("evaluating", runName));
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            CompiledNetwork net = m.compile();
            Splits parts;
            try {
                parts = p.dataset().prepare(DataContext.of(folder)).splits();
            } catch (DataException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
            var loss = Trainer.runLoss(net);
            Map<String, Double> metrics = new LinkedHashMap<>(org.layerlab.compute.train.Evaluation.evaluate(net, loss, parts.train(), ""));
            if (parts.hasValidation()) metrics.putAll(org.layerlab.compute.train.Evaluation.evaluate(net, loss, parts.validation(), "val_"));
            if (parts.hasTest()) metrics.putAll(org.layerlab.compute.train.Evaluation.evaluate(net, loss, parts.test(), "test_"));
            return metrics;
        }, pool.executor()).whenComplete((metrics, err) -> javafx.application.Platform.runLater(() -> {
            if (err != null) {
                Throwable cause = err.getCause() == null ? err : err.getCause();
                message.set(FILE_TEXT.get("cannotEvaluate", runName, cause.getMessage()));
                return;
            }
            StringBuilder sb = new StringBuilder();
            metrics.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ')
                    .append(String.format(Locale.ROOT, "%.4f", v)));
            message.set(FILE_TEXT.get("evaluated", runName, sb));
        }));
    }

    /**
     * Where a run looks first for its data already loaded and split (the Data panel's last preview), so that starting
     * a run on a large set does not read it again; returns null when it has not got that data.
     */
    void usePreparedData(java.util.function.Function<org.layerlab.compute.project.DatasetSpec, Splits> lookup) {
        prepared = lookup == null ? s -> null : lookup;
    }

    /** Train: starts a new run, or resumes a paused one. */
    public void train() {
        if (trainer != null && trainer.state() == Trainer.State.PAUSED) {
            trainer.resume();
            status.set(Status.RUNNING);
            return;
        }
        if (trainer != null && trainer.state() != Trainer.State.FINISHED) return;
        if (startRun(false)) status.set(Status.RUNNING);
    }

    /** After a switch of language: the status message again in the new language, when it came from a bundle. */
    void relabelMessage() {
        String again = org.layerlab.compute.text.Messages.retranslate(message.get());
        if (again != null) message.set(again);
    }

    public void pause() {
        if (trainer != null && status.get() == Status.RUNNING) {
            trainer.pause();
            status.set(Status.PAUSED);
            message.set(STATUS_TEXT.get("session.paused"));
        }
    }

    /** One batch: starts a paused run first when none is going. */
    public void step() {
        if (trainer == null || trainer.state() == Trainer.State.FINISHED) {
            if (!startRun(true)) return;
        } else if (status.get() == Status.RUNNING) {
            trainer.pause();
        }
        status.set(Status.PAUSED);
        if (traceable) trainer.stepTraced(); // the step-through panel shows exactly this batch
        else trainer.step();
    }

    public void stop() {
        if (trainer != null && trainer.state() != Trainer.State.FINISHED) trainer.stop();
    }

    /** Stops any run and forgets it; the next Train starts from fresh weights. */
    public void reset() {
        stop();
        trainer = null;
        currentRun++; // whatever the stopped trainer still sends is dropped
        latest.set(new Tagged<>(currentRun, Progress.NONE));
        ended.set(null);
        traced.set(null);
        trace.set(null);
        progress.set(Progress.NONE);
        trainedGraph.set(null);
        trainedSettings.set(null);
        status.set(Status.IDLE);
        refused = false;
        message.set(TEXT.get("ready"));
    }

    private boolean startRun(boolean paused) { return startRun(paused, null, null, null); }

    private boolean startRun(boolean paused, TrainedModel from, Integer parentRunId, Long forkStep) {
        return startRun(paused, from, parentRunId, forkStep, null, null, null, null);
    }

    /**
     * Starts a run of the project (with {@code graph} instead of its own when given, as a branch does), from fresh
     * weights, from {@code from}'s weights, or from checkpoint {@code resume}; {@code name} and {@code branch} (a line
     * for the run's settings) name a branch.
     */
    private boolean startRun(boolean paused, TrainedModel from, Integer parentRunId, Long forkStep,
                             org.layerlab.compute.train.Checkpoint resume, org.layerlab.compute.graph.ModelGraph graph, String name, String branch) {
        Project p = graph == null ? project.get() : project.get().withGraph(graph);
        CompiledNetwork net;
        Dataset.Split split;
        Dataset testPart;
        try {
            // The project's own split (saved with it); the test part waits for the end of the run.
            Splits parts = prepared.apply(p.dataset());
            if (parts == null) parts = p.dataset().prepare(DataContext.of(dataFolder.get())).splits();
            // Found before any weight is allocated (the Output card shows the same problems while editing).
            var problems = org.layerlab.compute.train.RunPreflight.check(p.graph(), parts.train(), p.training());
            if (!problems.isEmpty()) {
                refuse(org.layerlab.compute.train.RunPreflight.describe(problems));
                refusedData = org.layerlab.compute.train.RunPreflight.DataDescription.of(parts.train());
                return false;
            }
            if (from == null) {
                net = CompiledNetwork.compile(p.graph(), p.training().seed());
            } else {
                try {
                    net = new TrainedModel(p.graph(), from.tensors(), from.classNames()).compile();
                } catch (IllegalArgumentException e) {
                    message.set(FILE_TEXT.get("networkChanged", e.getMessage()));
                    return false;
                }
            }
            split = new Dataset.Split(parts.train(), parts.validation());
            testPart = parts.test();
            trainer = new Trainer(net, split.train(), split.validation(), parts.test(), p.training());
            trainer.setPace(pace);
            if (resume != null) trainer.resumeFrom(resume);
        } catch (GraphException | IllegalArgumentException | DataException e) {
            refuse(e.getMessage());
            return false;
        }
        long run = ++currentRun;
        latest.set(new Tagged<>(run, Progress.NONE));
        ended.set(null);
        refused = false;
        RunInfo info = runInfo(p);
        if (branch != null) {
            Map<String, String> s = new LinkedHashMap<>();
            s.put(BRANCH_TEXT.get("setting"), branch);
            s.putAll(info.settings());
            info = RunInfo.of(s);
        }
        if (parentRunId != null) info = new RunInfo(name != null ? name : info.name(), info.settings(), parentRunId, forkStep);
        RunRecorder recorder = runListeners.newRun(info);
        currentRunId = recorder.runId();
        var shapes = ShapeInference.analyze(p.graph());
        traceable = p.graph().nodes().stream().allMatch(n -> shapes.info(n.id()) != null && shapes.info(n.id()).outputShape() != null
                && shapes.info(n.id()).outputShape().size() <= org.layerlab.charts.inside.StepThroughView.MAX_UNITS);
        traced.set(null);
        trace.set(null);
        trainer.setTraceSink(s -> traced.set(new Tagged<>(run, s)));
        tracedTrain = split.train();
        branchable.put(recorder.runId(), new Branchable(p.graph(), p.training(), trainer));
        // Analysis (confusion matrix, weight statistics, decision grid, neuron maps) runs on the pool from snapshots;
        // the recorder hears of the run's end once the probes have delivered their last results.
        probes = StandardProbes.attach(trainer, split.train(), split.validation(), testPart, pool.executor(), probeSettings.get(), recorder);
        trainer.addListener(probes.endingAfterProbes(recorder));
        trainer.addListener(keepWeights(trainer, recorder.runId(), split.train().classNames()));
        trainer.addListener(new ProgressListener(run, p.training().epochs(), p.training().batchSize()));
        trainedGraph.set(p.graph());
        trainedSettings.set(p.training());
        trainer.start(pool.executor(), paused);
        message.set(STATUS_TEXT.get(paused ? "session.paused" : "session.training"));
        return true;
    }

    private void refuse(String why) {
        refused = true;
        refusedData = null;
        message.set(TEXT.get("cannotTrain", why));
    }

    /**
     * When the run ends, copies the weights it keeps (final or last good, and the best checkpoint) on the trainer's
     * thread and hands them to the document on the FX thread, unless another project has been opened meanwhile.
     */
    private TrainingListener keepWeights(Trainer t, int runId, java.util.List<String> classes) {
        Object token = projectToken;
        return new TrainingListener() {
            @Override public void runEnded(RunEnded e) {
                RunWeights.capture(t, e, classes).ifPresent(w -> javafx.application.Platform.runLater(() -> {
                    if (token == projectToken) weightsKept.accept(runId, w);
                }));
            }
        };
    }

    /**
     * Keeps {@link #latest} up to date on the trainer thread, every figure tagged with its run. Speed is measured over at least half a second of
     * batches (one batch's time jumps with every GC and JIT pause), and a gap of a second — a pause — starts a
     * new window.
     */
    private final class ProgressListener implements TrainingListener {
        private static final long WINDOW_NANOS = 500_000_000L, GAP_NANOS = 1_000_000_000L;
        private final long run;
        private final int epochs;
        private final int batchSize;
        private long windowStart = -1, lastBatch, windowSteps;
        private double samplesPerSecond = Double.NaN;

        ProgressListener(long run, int epochs, int batchSize) {
            this.run = run;
            this.epochs = epochs;
            this.batchSize = batchSize;
        }

        @Override public void batchEnded(BatchEnd e) {
            long now = e.elapsedNanos();
            if (windowStart < 0 || now - lastBatch > GAP_NANOS) {
                windowStart = now;
                windowSteps = 0;
            } else {
                windowSteps++;
                if (now - windowStart >= WINDOW_NANOS) {
                    samplesPerSecond = windowSteps * (double) batchSize / ((now - windowStart) / 1e9);
                    windowStart = now;
                    windowSteps = 0;
                }
            }
            lastBatch = now;
            Progress old = mine();
            post(new Progress(e.epoch(), epochs, e.step(), e.loss(),
                    Double.isNaN(old.accuracy()) ? e.accuracy() : old.accuracy(), samplesPerSecond, old.rmse(), old.r2()));
        }

        @Override public void epochEnded(EpochEnd e) {
            Progress old = mine();
            Map<String, Double> m = e.metrics();
            post(new Progress(e.epoch(), epochs, e.step(), m.getOrDefault("loss", Double.NaN),
                    m.getOrDefault("accuracy", Double.NaN), old.samplesPerSecond(),
                    m.getOrDefault(Evaluation.RMSE, Double.NaN), m.getOrDefault(Evaluation.R2, Double.NaN)));
        }

        @Override public void runEnded(RunEnded e) { if (run == currentRun) ended.set(new Tagged<>(run, e)); }

        /** This run's latest figures (none yet when another run's are there). */
        private Progress mine() {
            Tagged<Progress> t = latest.get();
            return t.run() == run ? t.event() : Progress.NONE;
        }

        /** Publishes this run's figures unless another run is current now. */
        private void post(Progress p) { if (run == currentRun) latest.set(new Tagged<>(run, p)); }
    }

    /** The settings a run is listed with: the run settings as declared, the Output head's loss, the data set and the network. */
    public static RunInfo runInfo(Project p) {
        Map<String, String> s = new LinkedHashMap<>(TrainingSettings.describe(p.training().settings()));
        // "loss" by its id: the charts read it to know a regression run before its first metrics.
        p.graph().nodes().stream().filter(n -> n.type().equals(OutputLayer.ID)).findFirst()
                .ifPresent(head -> s.put("loss", OutputLayer.loss(head.params()).id()));
        s.put("data set", p.dataset().source());
        s.put("data settings", settingsText(p.dataset().params()));
        s.put("split", settingsText(p.dataset().split()));
        s.put(TEXT.get("run.network"), p.graph().topologicalOrder().stream().map(Node::name).reduce((a, b) -> a + " → " + b).orElse("")
                + String.format(Locale.ROOT, " (%,d parameters)", ShapeInference.analyze(p.graph()).totalParameters()));
        return RunInfo.of(s);
    }

    /** Declared settings as "samples 400, noise 0.5, seed 1" (only those that apply). */
    static String settingsText(org.layerlab.compute.catalog.Params params) {
        StringBuilder sb = new StringBuilder();
        for (var spec : params.specs()) {
            if (!params.applies(spec.name())) continue;
            Object v = params.get(spec.name());
            if (v instanceof String str && str.isEmpty()) continue;
            if (sb.length() > 0) sb.append(", ");
            sb.append(spec.name()).append(' ').append(v instanceof Double d ? java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : v);
        }
        return sb.toString();
    }

    private void publish() {
        Tagged<org.layerlab.compute.train.probe.StepTrace> st = traced.get();
        if (st != null && st.run() == currentRun && st.event() != trace.get()) trace.set(st.event());
        Tagged<Progress> t = latest.get();
        if (t.run() == currentRun && t.event() != progress.get()) progress.set(t.event());
        Tagged<RunEnded> tagged = ended.getAndSet(null);
        RunEnded e = tagged != null && tagged.run() == currentRun ? tagged.event() : null; // an earlier run's end is dropped
        if (e != null) {
            status.set(Status.FINISHED);
            trainedGraph.set(null);
            trainedSettings.set(null);
            message.set(switch (e.reason()) {
                case COMPLETED -> STATUS_TEXT.get("session.finished", String.valueOf(e.epoch()));
                case STOPPED -> STATUS_TEXT.get("session.stopped", String.valueOf(e.step()));
                case DIVERGED -> STATUS_TEXT.get("session.diverged", e.message());
                case FAILED -> STATUS_TEXT.get("session.failed", e.message());
            });
        }
    }
}
