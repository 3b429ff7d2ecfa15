package org.layerlab.compute.data;

/** Progress of a load (called from the loading thread; keep it cheap, e.g. store and let a timer read it). */
@FunctionalInterface
public interface DataProgress {
    DataProgress NONE = (stage, done, total) -> {};

    /** {@code done} of {@code total} units (bytes, rows, images) of {@code stage}; total is -1 when unknown. */
    void update(String stage, long done, long total);
}
