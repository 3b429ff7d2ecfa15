package org.layerlab.compute.train.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.train.SnapshotSink;
import org.layerlab.compute.train.Trainer;
import org.layerlab.compute.train.TrainingEvents;
import org.layerlab.compute.train.TrainingListener;

/**
 * The one mechanism for analysing a run while it trains. The trainer publishes weight snapshots here at the cadence its
 * probes ask for; each probe runs on the executor (the compute pool) from the latest snapshot meant for it. A probe
 * still busy when newer snapshots arrive skips the ones in between: only the newest waits, older ones are dropped, so
 * analysis can never fall behind or pile up memory, and training never waits for it. Results go to each probe's
 * consumer on the pool thread; consumers only queue them for the UI.
 *
 * <p>Probes use spare CPU. While their runs get a core of their own (CPU time close to wall time) they run at their
 * cadences; when they have to share one with training and everything else on the machine (CPU time well under wall
 * time), the probes that refresh views at a rate get at most {@link #BUSY_BUDGET} of the CPU the trainer's thread uses,
 * so on a saturated machine training keeps most of its speed and the views refresh less often instead.
 */
public final class ProbeHub implements SnapshotSink {
    private final ModelGraph graph;
    private final long seed;
    private final Executor executor;
    private final List<Slot<?>> slots = new CopyOnWriteArrayList<>();
    private boolean[] dueNow = new boolean[0];
    private final AtomicLong dropped = new AtomicLong(), failures = new AtomicLong(), cpuNanos = new AtomicLong(), runs = new AtomicLong();
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    private final AtomicReference<String> lastFailure = new AtomicReference<>();
    private final Object settleLock = new Object();
    /** Probe runs whose CPU time is under this share of their wall time are taken to have no core of their own. */
    static final double SATURATED = 0.7;
    /** On a saturated machine probes may use this share of the CPU the trainer gets. */
    public static final double BUSY_BUDGET = 0.05;
    /** Credit saved up while under budget, so one probe run after a quiet spell is not held back (CPU nanoseconds). */
    static final double CREDIT_CAP_NANOS = 10_000_000;
    /** The trainer's CPU time is read at most this often (a read costs about a microsecond). */
    static final long BUDGET_PERIOD_NANOS = 1_000_000;
    /** The CPU time of the thread calling {@link #due}: the trainer's. */
    private java.util.function.LongSupplier trainerCpu = THREADS::getCurrentThreadCpuTime;
    private long trainerCpuSeen;
    private boolean over;
    /** Recent probe runs' CPU time over wall time (1 = a core of their own). */
    private volatile double share = 1;
    private final Object shareLock = new Object();
    private double recentCpu, recentWall;
    /** The trainer thread's budget bookkeeping. */
    private long budgetClock = Long.MIN_VALUE, budgetSpent;
    private double credit = CREDIT_CAP_NANOS;
    private final List<Runnable> whenSettled = new ArrayList<>();

    /** @param graph and {@code seed}: what the probes' own copies of the network are compiled from (the trained graph) */
    public ProbeHub(ModelGraph graph, long seed, Executor executor) {
        this.graph = graph;
        this.seed = seed;
        this.executor = executor;
    }

    /** A hub for {@code trainer}'s network that the trainer publishes to. */
    public static ProbeHub attach(Trainer trainer, Executor executor) {
        ProbeHub hub = new ProbeHub(trainer.network().graph(), trainer.config().seed(), executor);
        trainer.setSnapshotSink(hub);
        return hub;
    }

    /** Adds a probe (before the run starts); its results go to {@code results}. */
    public <R> ProbeHub add(Probe<R> probe, Consumer<? super R> results) {
        slots.add(new Slot<>(probe, results));
        dueNow = new boolean[slots.size()];
        return this;
    }

    public int probeCount() { return slots.size(); }

    /** Snapshots that were replaced by a newer one before their probe got to them (over all probes). */
    public long dropped() { return dropped.get(); }

    /** CPU time the probes have used so far, over all their runs (what analysis costs besides training). */
    public long cpuNanos() { return cpuNanos.get(); }

    /** Probe runs so far. */
    public long runs() { return runs.get(); }

    /** Probe runs that threw; their runs delivered nothing. */
    public long failures() { return failures.get(); }

    /** The last probe failure's message, or null. */
    public String lastFailure() { return lastFailure.get(); }

    /** Recent probe runs' CPU time over their wall time, smoothed (about 1 with a spare core). */
    public double cpuShare() { return share; }

    /**
     * Which probes want this step. Over budget, the probes that refresh a view at a rate (the plane views, the costly
     * ones) wait; those sampled by steps and epochs (statistics, the confusion matrix: the charts' history, cheap for
     * the small sets that have many epochs a second) keep their cadence, already bounded by its minimum gap.
     */
    @Override public boolean due(long step, boolean endsEpoch, long nanos) {
        boolean over = overBudget(nanos);
        boolean any = false;
        for (int i = 0; i < slots.size(); i++) {
            Slot<?> s = slots.get(i);
            Cadence c = s.probe.cadence();
            dueNow[i] = !(over && c.intervalNanos() > 0) && c.due(step, endsEpoch, nanos - s.lastOfferNanos) && s.mayOffer(nanos);
            any |= dueNow[i];
        }
        return any;
    }

    /**
     * A step's snapshot goes to the probes that found it due; the start's and an edit's to every probe; a pause's or the end's to the
     * probes that have not been offered that step yet, so every view ends up showing the weights the run stands at.
     * Trainer thread.
     */
    @Override public void publish(WeightSnapshot snapshot) {
        for (int i = 0; i < slots.size(); i++) {
            Slot<?> s = slots.get(i);
            boolean wanted = switch (snapshot.kind()) {
                case START, EDIT -> true; // an edit changed weights every view shows
                case STEP -> dueNow[i];
                case PAUSE, END -> s.lastOfferStep < snapshot.step();
            };
            if (wanted) s.offer(snapshot);
        }
    }

    /**
     * A listener that passes every event on to {@code delegate} at once except the run's end, which it passes on once
     * every probe has handled the last snapshot: a view that shows "completed" has the run's final analysis too.
     */
    public TrainingListener endingAfterProbes(TrainingListener delegate) {
        return new TrainingListener() {
            @Override public void runStarted(TrainingEvents.RunStarted e) { delegate.runStarted(e); }
            @Override public void batchEnded(TrainingEvents.BatchEnd e) { delegate.batchEnded(e); }
            @Override public void epochEnded(TrainingEvents.EpochEnd e) { delegate.epochEnded(e); }
            @Override public void runPaused(TrainingEvents.RunPaused e) { delegate.runPaused(e); }
            @Override public void runResumed(TrainingEvents.RunResumed e) { delegate.runResumed(e); }
            @Override public void checkpointSaved(TrainingEvents.CheckpointSaved e) { delegate.checkpointSaved(e); }
            @Override public void runEnded(TrainingEvents.RunEnded e) { whenIdle(() -> delegate.runEnded(e)); }
        };
    }

    /**
     * Runs {@code then} once no probe has work left (no snapshot waiting, none being analysed); at once when that is so
     * already. Called when the run has ended, that is once every result of the run has been delivered. It runs on
     * whichever thread finishes last, so it must be as quick as a listener.
     */
    public void whenIdle(Runnable then) {
        synchronized (settleLock) {
            whenSettled.add(then);
        }
        settle();
    }

    private void settle() {
        List<Runnable> go;
        synchronized (settleLock) {
            if (whenSettled.isEmpty()) return;
            for (Slot<?> s : slots) if (!s.idle()) return;
            go = new ArrayList<>(whenSettled);
            whenSettled.clear();
        }
        go.forEach(Runnable::run);
    }

    /**
     * Whether probes have spent their share for now: only while they have no core of their own, when the CPU they used
     * exceeds {@link #BUSY_BUDGET} × the CPU the trainer's thread used, less what was saved up. Trainer thread (it
     * reads that thread's CPU time, at most once every {@link #BUDGET_PERIOD_NANOS}).
     */
    boolean overBudget(long nanos) {
        if (budgetClock != Long.MIN_VALUE && nanos - budgetClock < BUDGET_PERIOD_NANOS) return over;
        long spent = cpuNanos.get(), cpu = trainerCpu.getAsLong();
        if (budgetClock == Long.MIN_VALUE) {
            budgetClock = nanos;
            budgetSpent = spent;
            trainerCpuSeen = cpu;
            return over = false;
        }
        budgetClock = nanos;
        long used = spent - budgetSpent, earned = cpu - trainerCpuSeen;
        budgetSpent = spent;
        trainerCpuSeen = cpu;
        if (share >= SATURATED) {
            credit = CREDIT_CAP_NANOS;
            return over = false;
        }
        credit = Math.min(CREDIT_CAP_NANOS, credit + BUSY_BUDGET * earned - used);
        return over = credit < 0;
    }

    /** Where the trainer's CPU time is read from (tests). */
    void useTrainerCpu(java.util.function.LongSupplier cpu) { trainerCpu = cpu; }

    /**
     * Takes one probe run's CPU and wall time into the spare-CPU estimate: CPU over wall time of the recent runs, each
     * weighed by its length, so the many short runs (statistics) that fit in one time slice do not hide that the long
     * ones (the plane) keep losing the core.
     */
    void recordRun(long cpu, long wall) {
        cpuNanos.addAndGet(cpu);
        if (wall <= 0) return;
        synchronized (shareLock) {
            recentCpu = 0.95 * recentCpu + Math.min(cpu, wall);
            recentWall = 0.95 * recentWall + wall;
            share = recentCpu / recentWall;
        }
    }

    /** A probe with the newest snapshot waiting for it and whether a pool task is working on it. */
    private final class Slot<R> {
        final Probe<R> probe;
        final Consumer<? super R> results;
        final AtomicReference<WeightSnapshot> latest = new AtomicReference<>();
        final AtomicBoolean running = new AtomicBoolean();
        volatile long lastOfferNanos = Long.MIN_VALUE / 2;
        /** The step of the last snapshot offered (trainer thread). */
        long lastOfferStep = -1;
        /** Only the pool task that holds {@link #running} touches it. */
        CompiledNetwork copy;

        Slot(Probe<R> probe, Consumer<? super R> results) {
            this.probe = probe;
            this.results = results;
        }

        /** Snapshots it may still get at once under its cadence's minimum gap (trainer thread). */
        private double tokens = Cadence.BURST;
        private long refilled = Long.MIN_VALUE;

        /** Whether the rate limit lets a snapshot through now: tokens refill at one per minimum gap, up to a burst. */
        boolean mayOffer(long nanos) {
            long gap = probe.cadence().minGapNanos();
            if (gap <= 0) return true;
            if (refilled != Long.MIN_VALUE) tokens = Math.min(Cadence.BURST, tokens + (double) Math.max(0, nanos - refilled) / gap);
            refilled = nanos;
            return tokens >= 1;
        }

        void offer(WeightSnapshot s) {
            if (s.kind() == WeightSnapshot.Kind.STEP && probe.cadence().minGapNanos() > 0) tokens -= 1;
            lastOfferNanos = s.nanos();
            lastOfferStep = s.step();
            if (latest.getAndSet(s) != null) dropped.incrementAndGet();
            schedule();
        }

        boolean idle() { return !running.get() && latest.get() == null; }

        void schedule() {
            if (latest.get() != null && running.compareAndSet(false, true)) {
                try {
                    executor.execute(this::drain);
                } catch (RuntimeException rejected) { // the pool is shutting down: nothing more will run
                    latest.set(null);
                    running.set(false);
                }
            }
        }

        /**
         * Runs the probe on the newest snapshot, once: a newer one that came meanwhile is scheduled as a new task, behind
         * the other probes' tasks, so a slow probe on a busy machine takes turns with the others instead of keeping the
         * pool thread to itself.
         */
        void drain() {
            try {
                WeightSnapshot s = latest.getAndSet(null);
                if (s != null) runOn(s);
            } finally {
                running.set(false);
            }
            if (latest.get() != null) schedule();
            else settle();
        }

        private void runOn(WeightSnapshot s) {
            if (!probe.accepts(s)) return;
            long cpu0 = THREADS.getCurrentThreadCpuTime(), wall0 = System.nanoTime();
            runs.incrementAndGet();
            try {
                CompiledNetwork net = null;
                if (probe.needsNetwork()) {
                    if (copy == null) copy = CompiledNetwork.compile(graph, seed);
                    s.loadInto(copy);
                    net = copy;
                }
                CompiledNetwork network = net;
                R r = org.layerlab.compute.kernels.Threads.serially(() -> probe.run(s, network)); // one pool thread, not training's
                if (r != null) results.accept(r);
            } catch (RuntimeException e) {
                failures.incrementAndGet();
                lastFailure.set(probe.getClass().getSimpleName() + ": " + e.getMessage());
            } finally {
                recordRun(Math.max(0, THREADS.getCurrentThreadCpuTime() - cpu0), System.nanoTime() - wall0);
            }
        }
    }
}
