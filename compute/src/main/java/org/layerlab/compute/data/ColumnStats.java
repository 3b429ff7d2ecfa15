package org.layerlab.compute.data;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What one column of a table holds: how many values are numbers, text or missing, and for the numbers their
 * minimum, maximum and mean; the number of distinct values (counted up to {@link #DISTINCT_CAP}).
 */
public record ColumnStats(String name, int numbers, int texts, int missing, double min, double max, double mean, int distinct) {
    public static final int DISTINCT_CAP = 1000;

    /** Every present value is a number (and there is at least one). */
    public boolean numeric() { return numbers > 0 && texts == 0; }

    /** The statistics of column {@code j} of {@code t}. */
    public static ColumnStats of(CsvTable t, int j) {
        int numbers = 0, texts = 0, missing = 0;
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, sum = 0;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < t.rowCount(); i++) {
            String v = t.row(i)[j];
            if (CsvTable.isMissing(v)) { missing++; continue; }
            if (seen.size() < DISTINCT_CAP) seen.add(v.strip());
            if (CsvTable.isNumber(v)) {
                double d = Double.parseDouble(v.strip());
                numbers++;
                min = Math.min(min, d);
                max = Math.max(max, d);
                sum += d;
            } else texts++;
        }
        return new ColumnStats(t.columns().get(j), numbers, texts, missing, numbers == 0 ? Double.NaN : min,
                numbers == 0 ? Double.NaN : max, numbers == 0 ? Double.NaN : sum / numbers, seen.size());
    }

    public static List<ColumnStats> all(CsvTable t) {
        return java.util.stream.IntStream.range(0, t.columns().size()).mapToObj(j -> of(t, j)).toList();
    }
}
