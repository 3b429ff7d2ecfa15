package org.layerlab.compute.project;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One training run as a project file keeps it: its record in the run list and every scalar point, so that
 * reopening the project redraws and exports it as before. Plain data; the charts convert it to and from their
 * own run store.
 *
 * @param id the run's number in the project (parent references use it)
 * @param name the name shown in the run list
 * @param status how it ended: "completed", "stopped", "diverged", "failed"; "stopped" for a run still going when saved
 * @param message why it ended, or ""
 * @param settings readable settings in display order
 * @param parentRunId the run it was branched from, or null
 * @param forkStep the parent's step at the branch point, or null
 * @param startWallMillis wall clock at the run's start (ms since 1970); point times are relative to it
 * @param series every scalar series by tag ("batch/loss", "epoch/val_accuracy", …), in first-seen order
 */
public record RunHistory(int id, String name, String status, String message, boolean visible, int colorIndex,
                         Map<String, String> settings, Integer parentRunId, Long forkStep, double startWallMillis,
                         Map<String, Series> series) {
    /** The statuses a run can be saved with. */
    public static final List<String> STATUSES = List.of("completed", "stopped", "diverged", "failed");

    public RunHistory {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        series = Collections.unmodifiableMap(new LinkedHashMap<>(series));
    }

    /**
     * The points of one series in columns of equal length: step, x on the epoch axis, seconds since the run's
     * start, and the value. The arrays are owned by the record: callers must not change them.
     */
    public record Series(long[] steps, double[] epochs, double[] seconds, double[] values) {
        public int size() { return steps.length; }

        // Equal when every point is: records would compare the arrays by identity.
        @Override public boolean equals(Object o) {
            return o instanceof Series s && Arrays.equals(steps, s.steps) && Arrays.equals(epochs, s.epochs)
                    && Arrays.equals(seconds, s.seconds) && Arrays.equals(values, s.values);
        }

        @Override public int hashCode() {
            return Objects.hash(Arrays.hashCode(steps), Arrays.hashCode(epochs), Arrays.hashCode(seconds), Arrays.hashCode(values));
        }

        @Override public String toString() { return "Series[" + size() + " points]"; }
    }
}
