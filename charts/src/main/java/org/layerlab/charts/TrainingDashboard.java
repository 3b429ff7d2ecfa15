package org.layerlab.charts;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import javafx.animation.AnimationTimer;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.layerlab.charts.inside.DecisionView;
import org.layerlab.charts.inside.NeuronMapsView;
import org.layerlab.charts.model.RunData;
import org.layerlab.charts.model.RunHistories;
import org.layerlab.charts.model.RunInfo;
import org.layerlab.charts.model.RunRecorder;
import org.layerlab.charts.model.RunStore;
import org.layerlab.charts.model.RunUpdate;
import org.layerlab.compute.project.RunHistory;

/**
 * The whole live-training area: Scalars | Confusion matrix | Weights. Training threads only enqueue immutable
 * {@link RunUpdate}s; an FX timer drains the queue every frame (for at most {@link #DRAIN_BUDGET_NANOS}) and
 * redraws the visible tab at most {@link #REDRAW_HZ} times a second, so the FX thread never waits on training
 * and training never waits on it.
 */
public final class TrainingDashboard extends TabPane {
    /** Upper bound on chart redraws per second. */
    public static final int REDRAW_HZ = 30;
    private static final long REDRAW_NANOS = 1_000_000_000L / REDRAW_HZ;
    /**
     * Time a frame may spend applying queued updates. A burst (a fast trainer, or the FX thread held up) is
     * taken in over several frames instead of one long pulse; live training sends far less than this per frame.
     */
    static final long DRAIN_BUDGET_NANOS = 4_000_000L;

    private final ConcurrentLinkedQueue<Queued> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger nextRunId = new AtomicInteger(1);
    private final AtomicInteger generation = new AtomicInteger();
    private final RunStore store = new RunStore();
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "layerlab-chart-export");
        t.setDaemon(true);
        return t;
    });
    private final ScalarDashboard scalars = new ScalarDashboard(store, io);
    private final ConfusionMatrixView confusion = new ConfusionMatrixView(store);
    private final WeightsView weights = new WeightsView(store);
    /** Shown elsewhere in the window (beside the canvas), fed by this dashboard's timer like the tabs. */
    private final DecisionView decision = new DecisionView(store);
    private final NeuronMapsView neurons = new NeuronMapsView(store);
    private static final org.layerlab.compute.text.Messages CONTROL_TEXT = org.layerlab.compute.text.Messages.of("org.layerlab.charts.i18n.chartcontrols", TrainingDashboard.class);
    private final Tab scalarTab = new Tab(CONTROL_TEXT.get("tab.scalars"), scalars);
    private final Tab confusionTab = new Tab(CONTROL_TEXT.get("tab.confusion"), confusion);
    private final Tab weightsTab = new Tab(CONTROL_TEXT.get("tab.weights"), weights);
    /** Step through and weights on wires (a small Dense network's neurons and connections). */
    private final org.layerlab.charts.inside.StepThroughView stepThrough = new org.layerlab.charts.inside.StepThroughView();
    private final org.layerlab.charts.inside.WiresView wires = new org.layerlab.charts.inside.WiresView(store);
    private final Tab stepTab = new Tab(org.layerlab.charts.inside.WiresView.TEXT_TAB_STEP, scrolled(stepThrough));
    private final Tab wiresTab = new Tab(org.layerlab.charts.inside.WiresView.TEXT_TAB_WIRES, wires);
    private volatile int statsEvery = 20;
    private boolean dirty = true;
    private long lastDraw;
    private LongConsumer frameObserver = n -> {};

    public TrainingDashboard() {
        setId("training-dashboard");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        scalarTab.setId("scalars-tab");
        confusionTab.setId("confusion-tab");
        weightsTab.setId("weights-tab");
        stepTab.setId("step-tab");
        // A click on a training point in the decision view shows that sample in Step through.
        decision.setOnTrainingPointPicked(i -> {
            stepThrough.pickSample(i);
            getSelectionModel().select(stepTab);
        });
        // and the decision view rings whichever sample Step through shows
        stepThrough.shownSampleProperty().addListener((o, a, b) -> decision.highlight(b.intValue()));
        wiresTab.setId("wires-tab");
        getTabs().addAll(scalarTab, confusionTab, weightsTab, stepTab, wiresTab);
        scalars.setOnChange(this::requestRedraw);
        scalars.runList().list().getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            confusion.pick(r); // selecting a run in the list shows it on the other tabs too
            weights.pick(r);
            decision.pick(r);
            neurons.pick(r);
            wires.pick(r);
        });
        store.addListener(this::requestRedraw);
        getSelectionModel().selectedItemProperty().addListener((o, a, b) -> requestRedraw());
        widthProperty().addListener((o, a, b) -> requestRedraw());
        new AnimationTimer() {
            @Override public void handle(long now) { frame(now); }
        }.start();
    }

    /**
     * Creates the record of a new run (named "Run N" unless the info names it) and returns its recorder: the trainer's
     * listener, and where the run's probes deliver their results. Any thread.
     */
    public RunRecorder newRun(RunInfo info) {
        int id = nextRunId.getAndIncrement();
        Consumer<RunUpdate> sink = sink();
        sink.accept(new RunUpdate.Created(id, info));
        return new RunRecorder(id, sink);
    }

    /**
     * Where a new run's updates go: the queue, stamped with the run list they belong to, so that a run still
     * finishing after the list was replaced cannot write into a loaded run that has its id.
     */
    private Consumer<RunUpdate> sink() {
        int mine = generation.get();
        return u -> queue.add(new Queued(mine, u));
    }

    /** An update with the run list it was meant for. */
    private record Queued(int generation, RunUpdate update) {}

    /**
     * Replaces the run list, e.g. with the runs of a project just opened; new runs are numbered after them.
     * Updates still coming from earlier runs are dropped. FX thread.
     */
    private void replaceRuns(List<RunData> runs) {
        generation.incrementAndGet();
        store.replaceAll(runs);
        nextRunId.set(runs.stream().mapToInt(RunData::id).max().orElse(0) + 1);
        requestRedraw();
    }

    /** Every run with every point so far, for a project file (FX thread; the copy may go to another thread). */
    public List<RunHistory> runHistory() {
        if (drain(Long.MAX_VALUE) > 0) dirty = true; // include what the trainers sent up to now
        return RunHistories.of(store.runs());
    }

    /** Shows the runs of a project just opened instead of the current ones. FX thread. */
    public void openRuns(List<RunHistory> runs) { replaceRuns(RunHistories.toRuns(runs)); }

    /**
     * Adds runs read from other project files after the current ones (a class's runs to compare), numbered from the
     * next free id with parent links kept within each file; returns how many. FX thread.
     */
    public int importRuns(List<org.layerlab.compute.project.RunImport.Imported> runs) {
        List<RunHistory> numbered = org.layerlab.compute.project.RunImport.renumber(runs, nextRunId.get());
        for (RunData r : RunHistories.toRuns(numbered)) store.add(r);
        nextRunId.addAndGet(numbered.size());
        requestRedraw();
        return numbered.size();
    }

    /** Parameter statistics are sampled every this many steps (the window's probes read it when a run starts). */
    public int statsEvery() { return statsEvery; }
    public void setStatsEvery(int n) { statsEvery = Math.max(1, n); }

    public RunStore store() { return store; }
    public ScalarDashboard scalars() { return scalars; }
    public ConfusionMatrixView confusion() { return confusion; }
    public WeightsView weights() { return weights; }
    /** The decision view (a 2-D data set's plane); the window places it. */
    public DecisionView decision() { return decision; }
    /** The per-neuron maps; the window places them. */
    public NeuronMapsView neuronMaps() { return neurons; }

    /** Scalar points recorded over all runs (applied on the FX thread; lags the trainer by a frame, a few in a burst). */
    public long pointCount() { return store.pointCount(); }

    /** True when every update sent so far has been applied (FX thread; tests). */
    boolean drained() { return queue.isEmpty(); }

    /** Told, every frame, how long the frame's drain and redraw took on the FX thread (nanoseconds). */
    public void setFrameObserver(LongConsumer observer) { frameObserver = observer == null ? n -> {} : observer; }

    /** Asks for a redraw on the next frame that the rate limit allows. */
    public void requestRedraw() { dirty = true; }

    /** Applies queued updates and redraws now, whatever the rate limit (tests, snapshots). FX thread. */
    public void flush() {
        drain(Long.MAX_VALUE);
        redraw(System.nanoTime());
    }

    private void frame(long now) {
        long t0 = System.nanoTime();
        if (drain(DRAIN_BUDGET_NANOS) > 0) dirty = true;
        if (dirty && now - lastDraw >= REDRAW_NANOS) {
            dirty = false;
            lastDraw = now;
            Tab tab = getSelectionModel().getSelectedItem();
            if (tab == scalarTab) scalars.markStale();
            else if (tab == confusionTab) confusion.refresh();
            else if (tab == weightsTab) weights.refresh();
            else if (tab == wiresTab) wires.refresh();
            refreshInside();
        }
        scalars.refreshNext(); // the scalar charts take turns: at most one repaint per frame
        frameObserver.accept(System.nanoTime() - t0);
    }

    /** Applies queued updates in order until the queue is empty or the budget is spent; returns how many. */
    private int drain(long budgetNanos) {
        long start = System.nanoTime();
        int n = 0;
        int current = generation.get();
        Queued q;
        while ((q = queue.poll()) != null) {
            if (q.generation() == current) q.update().apply(store);
            if ((++n & 255) == 0 && System.nanoTime() - start > budgetNanos) break;
        }
        return n;
    }

    private void redraw(long now) {
        dirty = false;
        lastDraw = now;
        scalars.refresh();
        confusion.refresh();
        weights.refresh();
        decision.refresh();
        neurons.refresh();
        wires.refresh();
    }

    private static javafx.scene.control.ScrollPane scrolled(javafx.scene.Node n) {
        javafx.scene.control.ScrollPane s = new javafx.scene.control.ScrollPane(n);
        s.setFitToWidth(true);
        s.getStyleClass().add("step-scroll");
        return s;
    }

    /** The step-through panel (the window shows each traced step in it). */
    public org.layerlab.charts.inside.StepThroughView stepThrough() { return stepThrough; }
    /** The weights-on-wires view. */
    public org.layerlab.charts.inside.WiresView wires() { return wires; }

    /** The plane views, when the window shows them (they sit outside this tab pane). */
    private void refreshInside() {
        if (decision.isVisible() && decision.getScene() != null) decision.refresh();
        if (neurons.isVisible() && neurons.getScene() != null) neurons.refresh();
    }
}
