package org.layerlab.charts.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every run the user made in this session, in creation order. Not thread-safe by design: one thread (the FX
 * thread in the app) applies {@link RunUpdate}s and reads; training threads only ever produce updates.
 */
public final class RunStore {
    /** Told when runs are added, removed or renamed, or their visibility changes (not on every point). */
    public interface Listener { void runsChanged(); }

    private final List<RunData> runs = new ArrayList<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private int nextColor;
    private java.util.function.IntPredicate carriesWeights = id -> false;
    private final List<RunAction> actions = new CopyOnWriteArrayList<>();

    /**
     * A command the application offers on a run (in the run list's context menu), e.g. "Continue training";
     * the charts know nothing of what it does.
     */
    public record RunAction(String text, java.util.function.IntPredicate enabled, java.util.function.IntConsumer action) {}

    /**
     * Tells the run list which runs keep trained weights (it marks them); the application owns the weights and
     * calls {@link #fire()} when they change.
     */
    public void setWeightsMarker(java.util.function.IntPredicate carries) { carriesWeights = carries; }

    public boolean carriesWeights(int id) { return carriesWeights.test(id); }

    /**
     * A command the application offers at a point of a run's curve (the charts' context menu), e.g. "Branch Run 1
     * from step 800"; {@code text} names it for the run and step, {@code enabled} says whether it applies there.
     */
    public record PointAction(java.util.function.BiFunction<RunData, Long, String> text,
                              java.util.function.BiPredicate<RunData, Long> enabled,
                              java.util.function.BiConsumer<RunData, Long> action) {}

    private final List<PointAction> pointActions = new CopyOnWriteArrayList<>();

    public void setPointActions(List<PointAction> a) {
        pointActions.clear();
        pointActions.addAll(a);
    }

    public List<PointAction> pointActions() { return Collections.unmodifiableList(pointActions); }

    public void setActions(List<RunAction> a) {
        actions.clear();
        actions.addAll(a);
    }

    public List<RunAction> actions() { return Collections.unmodifiableList(actions); }

    public List<RunData> runs() { return Collections.unmodifiableList(runs); }

    public RunData find(int id) {
        for (RunData r : runs) if (r.id() == id) return r;
        return null;
    }

    public void addListener(Listener l) { listeners.add(l); }

    /** Adds a run record with the next palette colour. */
    public RunData create(int id, RunInfo info) {
        RunData r = new RunData(id, info, nextColor++);
        runs.add(r);
        fire();
        return r;
    }

    /** Adds an already built run (imports). */
    public void add(RunData r) {
        runs.add(r);
        nextColor = Math.max(nextColor, r.colorIndex() + 1);
        fire();
    }

    /** Replaces every run, e.g. with the runs of a project just opened. */
    public void replaceAll(List<RunData> newRuns) {
        runs.clear();
        nextColor = 0;
        for (RunData r : newRuns) {
            runs.add(r);
            nextColor = Math.max(nextColor, r.colorIndex() + 1);
        }
        fire();
    }

    public void delete(int id) {
        if (runs.removeIf(r -> r.id() == id)) fire();
    }

    public void rename(int id, String name) {
        RunData r = find(id);
        if (r != null && name != null && !name.isBlank()) {
            r.setName(name.strip());
            fire();
        }
    }

    public void setVisible(int id, boolean visible) {
        RunData r = find(id);
        if (r != null && r.visible() != visible) {
            r.setVisible(visible);
            fire();
        }
    }

    public long pointCount() {
        long n = 0;
        for (RunData r : runs) n += r.pointCount();
        return n;
    }

    /** Tells listeners about a change made directly on a {@link RunData}. */
    public void fire() {
        for (Listener l : listeners) l.runsChanged();
    }
}
