package org.layerlab.compute.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The JSON shape of a project file, version 2 (version 1 had no runs). Plain data for Jackson; {@link ProjectFiles}
 * checks and converts it. The {@code training} section is read and written through the run settings' declaration
 * ({@link org.layerlab.compute.train.TrainingSettings}).
 */
@JsonPropertyOrder({"format", "version", "name", "description", "lesson", "graph", "dataset", "training", "runs"})
@JsonInclude(JsonInclude.Include.NON_NULL)
record ProjectDocument(String format, Integer version, String name, String description, LessonDoc lesson,
                       GraphDoc graph, DatasetDoc dataset, Map<String, Object> training, List<RunDoc> runs) {

    /** The lesson: CommonMark text and the ids of what student mode locks. */
    @JsonPropertyOrder({"text", "locked"})
    record LessonDoc(String text, List<String> locked) {}

    record GraphDoc(List<NodeDoc> nodes, List<EdgeDoc> edges) {}

    @JsonPropertyOrder({"id", "type", "name", "params", "x", "y"})
    record NodeDoc(String id, String type, String name, Map<String, Object> params, Double x, Double y) {}

    record EdgeDoc(String from, String to, Integer port) {}

    /**
     * The data set: a source id with its settings, the split, drawn points as [x, y, value] and the fitted
     * normalisation. Files written before the catalog of sources name a {@code generator} instead of a
     * {@code source} (and keep the validation share in {@code training.validationSplit}); they still open.
     */
    @JsonPropertyOrder({"source", "params", "split", "points", "normalization", "generator"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DatasetDoc(String source, Map<String, Object> params, Map<String, Object> split, List<double[]> points,
                      NormalizationDoc normalization, String generator) {}

    @JsonPropertyOrder({"method", "offset", "scale"})
    record NormalizationDoc(String method, double[] offset, double[] scale) {}

    @JsonPropertyOrder({"id", "name", "status", "message", "visible", "color", "settings", "parent", "forkStep",
            "startWallMillis", "series"})
    record RunDoc(Integer id, String name, String status, String message, Boolean visible, Integer color,
                  Map<String, String> settings, Integer parent, Long forkStep, Double startWallMillis,
                  Map<String, SeriesDoc> series) {}

    /** One series in columns (a point per index), so long runs stay compact: no field names per point. */
    @JsonPropertyOrder({"step", "epoch", "time", "value"})
    record SeriesDoc(long[] step, double[] epoch, double[] time, double[] value) {}
}
