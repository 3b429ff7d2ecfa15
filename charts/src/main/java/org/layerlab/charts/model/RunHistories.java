package org.layerlab.charts.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.layerlab.compute.project.RunHistory;

/**
 * Converts between the run list and the runs a project file keeps ({@link RunHistory}): every scalar point with
 * the run's record. Confusion matrices and weight statistics are not kept; they belong to the live run.
 */
public final class RunHistories {
    /** The message of a run that was still going when it was saved. */
    static final String SAVED_WHILE_LIVE = "still training when the project was saved";

    private RunHistories() {}

    /** Copies every run (FX thread, like every read of the store); the copies may go to another thread. */
    public static List<RunHistory> of(List<RunData> runs) {
        List<RunHistory> out = new ArrayList<>();
        for (RunData r : runs) {
            Map<String, RunHistory.Series> series = new LinkedHashMap<>();
            for (Map.Entry<String, ScalarSeries> e : r.allSeries().entrySet()) {
                ScalarSeries s = e.getValue();
                series.put(e.getKey(), new RunHistory.Series(s.steps(), s.epochs(), s.relativeSeconds(), s.values()));
            }
            boolean live = r.live();
            out.add(new RunHistory(r.id(), r.name(), live ? "stopped" : r.status().name().toLowerCase(Locale.ROOT),
                    live ? SAVED_WHILE_LIVE : r.endMessage(), r.visible(), r.colorIndex(), r.info().settings(),
                    r.info().parentRunId(), r.info().forkStep(), r.startWallMillis(), series));
        }
        return out;
    }

    /** The runs of a project, ready for the run list; wall times follow from the start time and the seconds. */
    public static List<RunData> toRuns(List<RunHistory> histories) {
        List<RunData> out = new ArrayList<>();
        for (RunHistory h : histories) {
            RunData r = new RunData(h.id(), new RunInfo(h.name(), h.settings(), h.parentRunId(), h.forkStep()), h.colorIndex());
            r.setVisible(h.visible());
            r.setStartWallMillis(h.startWallMillis());
            r.end(RunData.Status.valueOf(h.status().toUpperCase(Locale.ROOT)), h.message());
            for (Map.Entry<String, RunHistory.Series> e : h.series().entrySet()) {
                RunHistory.Series s = e.getValue();
                double[] wall = new double[s.size()];
                for (int i = 0; i < wall.length; i++) wall[i] = r.wallMillis(s.seconds()[i]);
                r.putSeries(e.getKey(), ScalarSeries.of(s.steps(), s.epochs(), s.seconds(), wall, s.values()));
            }
            out.add(r);
        }
        return out;
    }
}
