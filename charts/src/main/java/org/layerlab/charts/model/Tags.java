package org.layerlab.charts.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How scalar tags are named: "batch/loss" for per-step values, "epoch/loss" and "epoch/val_loss" for per-epoch
 * metrics. A chart shows one metric ("loss"): the train curve (per batch when there is one, else per epoch)
 * and the validation curve ("val_" + metric) together.
 */
public final class Tags {
    private Tags() {}

    public static final String BATCH = "batch/";
    public static final String EPOCH = "epoch/";
    public static final String VAL = "val_";
    /** Metrics measured once on the test set after the last epoch ("epoch/test_loss"), drawn as a mark on the metric's chart. */
    public static final String TEST = "test_";

    public static String batch(String metric) { return BATCH + metric; }
    public static String epoch(String metric) { return EPOCH + metric; }

    /** The metric a tag belongs to on the charts: "batch/loss", "epoch/loss", "epoch/val_loss" → "loss". */
    public static String metricOf(String tag) {
        String m = tag.startsWith(BATCH) ? tag.substring(BATCH.length()) : tag.startsWith(EPOCH) ? tag.substring(EPOCH.length()) : tag;
        return m.startsWith(VAL) ? m.substring(VAL.length()) : m.startsWith(TEST) ? m.substring(TEST.length()) : m;
    }

    /** The train-curve tag of a metric in a run: its batch series when present, else its epoch series. */
    public static String trainTag(RunData run, String metric) {
        return run.find(batch(metric)) != null ? batch(metric) : epoch(metric);
    }

    /**
     * The per-epoch train average of a metric when the train curve is per batch, or null: drawn beside the
     * validation curve so both are compared on the same terms at epoch ends.
     */
    public static String epochTrainTag(RunData run, String metric) {
        return run.find(batch(metric)) != null && run.find(epoch(metric)) != null ? epoch(metric) : null;
    }

    public static String validationTag(String metric) { return EPOCH + VAL + metric; }

    public static String testTag(String metric) { return EPOCH + TEST + metric; }

    /** Every metric of every run, in first-seen order with "loss" and "accuracy" (or regression's "rmse" and "r2") first. */
    public static List<String> metrics(List<RunData> runs) {
        Set<String> seen = new LinkedHashSet<>();
        for (RunData r : runs) for (String tag : r.allSeries().keySet()) seen.add(metricOf(tag));
        List<String> out = new ArrayList<>();
        for (String first : List.of("loss", "accuracy", "rmse", "r2")) if (seen.remove(first)) out.add(first);
        out.addAll(seen);
        return out;
    }
}
