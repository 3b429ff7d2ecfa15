package org.layerlab.charts.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.layerlab.compute.train.probe.ConfusionMatrix;
import org.layerlab.compute.train.probe.DecisionProbe;
import org.layerlab.compute.train.probe.NeuronMapProbe;
import org.layerlab.compute.train.probe.ParameterStats;
import org.layerlab.compute.train.probe.PlanePoints;

/**
 * Everything recorded about one run: its record (name, settings, parent and fork step), every scalar point by
 * tag, the latest confusion matrix and the sampled parameter statistics. Single-threaded like {@link RunStore}.
 */
public final class RunData {
    /** Where a run stands. */
    public enum Status { RUNNING, PAUSED, COMPLETED, STOPPED, DIVERGED, FAILED }

    private final int id;
    private final RunInfo info;
    private final int colorIndex;
    private String name;
    private boolean visible = true;
    private Status status = Status.RUNNING;
    private String endMessage = "";
    private double startWallMillis = Double.NaN;
    private final Map<String, ScalarSeries> series = new LinkedHashMap<>();
    private ConfusionMatrix confusion;
    private int confusionEpoch;
    private String confusionSource = "";
    private final Map<String, List<ParameterStats>> parameters = new LinkedHashMap<>();
    private DecisionProbe.Result decision;
    private NeuronMapProbe.Result neuronMaps;
    private PlanePoints planePoints;

    public RunData(int id, RunInfo info, int colorIndex) {
        this.id = id;
        this.info = info;
        this.colorIndex = colorIndex;
        this.name = info.name() != null ? info.name()
                : org.layerlab.compute.text.Messages.of("org.layerlab.charts.i18n.chartpanels", RunData.class).get("run.name", id);
    }

    public int id() { return id; }
    public RunInfo info() { return info; }
    public int colorIndex() { return colorIndex; }
    public String name() { return name; }
    public void setName(String name) { this.name = name; }
    public boolean visible() { return visible; }
    public void setVisible(boolean visible) { this.visible = visible; }
    public Status status() { return status; }
    public String endMessage() { return endMessage; }
    public void end(Status s, String message) { status = s; endMessage = message == null ? "" : message; }

    /** Paused or going again; an ended run stays as it ended. */
    public void setPaused(boolean paused) {
        if (status == Status.RUNNING || status == Status.PAUSED) status = paused ? Status.PAUSED : Status.RUNNING;
    }

    /** Still going (running or paused), so more points may come. */
    public boolean live() { return status == Status.RUNNING || status == Status.PAUSED; }
    public double startWallMillis() { return startWallMillis; }
    public void setStartWallMillis(double ms) { startWallMillis = ms; }

    /** The wall clock (ms) at a time since the run's start: one rule for live and reopened runs. */
    public double wallMillis(double seconds) { return startWallMillis + seconds * 1000; }

    /** The series of a tag, created empty on first use. */
    public ScalarSeries series(String tag) { return series.computeIfAbsent(tag, t -> new ScalarSeries()); }

    /** Puts a whole series under a tag (runs read from a project file). */
    public void putSeries(String tag, ScalarSeries s) { series.put(tag, s); }

    /** The series of a tag, or null. */
    public ScalarSeries find(String tag) { return series.get(tag); }

    /** Tags in the order they first appeared. */
    public Map<String, ScalarSeries> allSeries() { return Collections.unmodifiableMap(series); }

    public long pointCount() {
        long n = 0;
        for (ScalarSeries s : series.values()) n += s.size();
        return n;
    }

    /**
     * Whether the run predicts numbers rather than classes: it records R² or RMSE, or its settings name a regression
     * loss (so a run is known as regression from its start, and when read back from a project file).
     */
    public boolean regression() {
        if (series.containsKey(Tags.epoch("r2")) || series.containsKey(Tags.epoch("rmse"))) return true;
        if (series.containsKey(Tags.epoch("accuracy")) || series.containsKey(Tags.batch("accuracy"))) return false;
        String loss = info.settings().get("loss");
        return loss != null && org.layerlab.compute.nn.Losses.CATALOG.find(loss).map(l -> !l.classification()).orElse(false);
    }

    /** The display name of the run's loss from its settings, or its id when unknown, or "" when not recorded. */
    public String lossName() {
        String loss = info.settings().get("loss");
        if (loss == null) return "";
        return org.layerlab.compute.nn.Losses.CATALOG.find(loss).map(l -> l.displayName()).orElse(loss);
    }

    public ConfusionMatrix confusion() { return confusion; }
    public int confusionEpoch() { return confusionEpoch; }
    public String confusionSource() { return confusionSource; }

    public void setConfusion(ConfusionMatrix m, int epoch, String source) {
        confusion = m;
        confusionEpoch = epoch;
        confusionSource = source;
    }

    public void addParameterStats(List<ParameterStats> stats) {
        for (ParameterStats s : stats) parameters.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(s);
    }

    /** Sampled statistics per parameter name ("nodeId/kernel"), oldest first. */
    public Map<String, List<ParameterStats>> parameterStats() { return Collections.unmodifiableMap(parameters); }

    /** The latest decision grid (live runs of a 2-D data set), or null. */
    public DecisionProbe.Result decision() { return decision; }
    public void setDecision(DecisionProbe.Result d) { decision = d; }

    /** The latest neuron maps, or null. */
    public NeuronMapProbe.Result neuronMaps() { return neuronMaps; }
    public void setNeuronMaps(NeuronMapProbe.Result m) { neuronMaps = m; }

    private org.layerlab.compute.train.probe.WiresProbe.Result wires;

    /** The latest weights on the wires (a small Dense chain), or null. */
    public org.layerlab.compute.train.probe.WiresProbe.Result wires() { return wires; }
    public void setWires(org.layerlab.compute.train.probe.WiresProbe.Result w) { wires = w; }

    /** The 2-D data the run trained on, or null. */
    public PlanePoints planePoints() { return planePoints; }
    public void setPlanePoints(PlanePoints p) { planePoints = p; }
}
