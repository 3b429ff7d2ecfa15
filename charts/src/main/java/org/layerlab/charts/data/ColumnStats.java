package org.layerlab.charts.data;

import java.util.ArrayList;
import java.util.List;

/** Per-column statistics for the preview table: minimum, maximum, mean and missing values (NaN). JavaFX-free. */
public final class ColumnStats {
    private ColumnStats() {}

    /** One column's figures; min, max and mean are NaN when every value is missing. */
    public record Row(String column, double min, double max, double mean, long missing) {}

    /** Statistics of every column, one pass over the rows. */
    public static List<Row> of(PreviewData d) {
        int c = d.columnCount();
        double[] min = new double[c], max = new double[c], sum = new double[c];
        long[] missing = new long[c], count = new long[c];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        PreviewData.Values v = d.values();
        for (int r = 0, i = 0; r < d.rows(); r++) {
            for (int j = 0; j < c; j++, i++) {
                float x = v.at(i);
                if (Float.isNaN(x)) { missing[j]++; continue; }
                if (x < min[j]) min[j] = x;
                if (x > max[j]) max[j] = x;
                sum[j] += x;
                count[j]++;
            }
        }
        List<Row> rows = new ArrayList<>(c);
        for (int j = 0; j < c; j++) {
            boolean none = count[j] == 0;
            rows.add(new Row(d.columns().get(j), none ? Double.NaN : min[j], none ? Double.NaN : max[j],
                    none ? Double.NaN : sum[j] / count[j], missing[j]));
        }
        return rows;
    }
}
