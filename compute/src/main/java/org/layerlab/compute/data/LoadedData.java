package org.layerlab.compute.data;

/**
 * What a source yields: all its samples, and for sources that come with their own test part (IDX sets' t10k
 * files) that part, which then is the test split; otherwise {@code test} is null and the split draws one.
 */
public record LoadedData(Dataset data, Dataset test) {
    public static LoadedData of(Dataset d) { return new LoadedData(d, null); }
}
