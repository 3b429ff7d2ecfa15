package org.layerlab.charts.data;

import java.util.ArrayList;
import java.util.List;
import org.layerlab.compute.data.Dataset;

/**
 * Samples as the previews read them: {@code rows} × {@code columns} floats (row-major; an image's pixels are its
 * columns, channel by channel), and per row a class ({@code labels}, with {@code classNames}) or a value
 * ({@code targets}, one per row is shown), or neither. {@code sample} is the shape of one row (C, H, W for images).
 * Plain data: build it on any thread, hand it to a view on the FX thread.
 */
public record PreviewData(List<String> columns, Values values, int rows, int[] sample, int[] labels, List<String> classNames,
                          float[] targets) {
    /** The samples' values read where they are stored (a data set keeps images as bytes; the preview does not copy them). */
    public interface Values {
        float at(int index);

        int length();

        static Values of(float[] v) {
            return new Values() {
                public float at(int index) { return v[index]; }
                public int length() { return v.length; }
            };
        }
    }

    public PreviewData {
        columns = List.copyOf(columns);
        classNames = classNames == null ? List.of() : List.copyOf(classNames);
        if (rows < 0 || values.length() != (long) rows * columns.size()) {
            throw new IllegalArgumentException(values.length() + " values for " + rows + " rows of " + columns.size() + " columns");
        }
        if (labels != null && labels.length != rows) throw new IllegalArgumentException(labels.length + " labels for " + rows + " rows");
        if (targets != null && (rows == 0 ? targets.length != 0 : targets.length % rows != 0)) {
            throw new IllegalArgumentException(targets.length + " targets for " + rows + " rows");
        }
    }

    public PreviewData(List<String> columns, float[] values, int rows, int[] sample, int[] labels, List<String> classNames, float[] targets) {
        this(columns, Values.of(values), rows, sample, labels, classNames, targets);
    }

    /** A data set's samples with its feature names (or x1, x2, … when {@code columns} is null). The values are shared, not copied. */
    public static PreviewData of(Dataset d, List<String> columns) {
        int per = d.sampleShape().size();
        List<String> names = columns;
        if (names == null || names.size() != per) {
            names = new ArrayList<>(per);
            for (int i = 0; i < per; i++) names.add("x" + (i + 1));
        }
        int[] shape = new int[d.sampleShape().rank()];
        for (int i = 0; i < shape.length; i++) shape[i] = d.sampleShape().dim(i);
        var features = d.features();
        int length = features.shape().size();
        Values values = new Values() {
            public float at(int index) { return features.value(index); }
            public int length() { return length; }
        };
        return new PreviewData(names, values, d.size(), shape, d.labels(), d.classNames(), d.targets());
    }

    public int columnCount() { return columns.size(); }

    public float value(int row, int column) { return values.at(row * columns.size() + column); }

    public boolean hasClasses() { return labels != null && !classNames.isEmpty(); }

    public boolean hasTargets() { return targets != null && rows > 0; }

    /** The (first) target value of a row. */
    public float target(int row) { return targets[row * (targets.length / rows)]; }

    /** Whether a row is an image: C×H×W with one or three channels. */
    public boolean images() { return sample.length == 3 && (sample[0] == 1 || sample[0] == 3) && sample[1] > 1 && sample[2] > 1; }

    /** Samples per class, in class order (empty without classes). */
    public int[] classCounts() {
        int[] c = new int[classNames.size()];
        if (labels != null) for (int l : labels) if (l >= 0 && l < c.length) c[l]++;
        return c;
    }
}
