package org.layerlab.compute.train;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which checkpoints a run keeps in memory: the latest, the best by the monitored metric, and a spaced selection for
 * rewinding (every {@code stride}-th epoch, the stride doubling whenever the selection would outgrow its room). So a
 * run of any length holds at most {@code spaced + 2} copies of its weights and optimizer state, and a 500-epoch run
 * can still rewind to about every 64th epoch. Not thread-safe: the trainer's thread adds, readers take snapshots.
 */
final class CheckpointRetention {
    private final int spacedRoom;
    private final List<Checkpoint> spaced = new ArrayList<>();
    private int stride = 1;
    private volatile Checkpoint latest;
    private volatile Checkpoint best;
    private double bestValue = Double.POSITIVE_INFINITY;
    private volatile List<Checkpoint> view = List.of();

    CheckpointRetention(int spacedRoom) {
        if (spacedRoom < 2) throw new IllegalArgumentException("room for at least two spaced checkpoints is needed");
        this.spacedRoom = spacedRoom;
    }

    /** The most copies held at once. */
    int capacity() { return spacedRoom + 2; }

    /** Offers the checkpoint taken after {@code c.epoch()}; {@code monitored} is the metric where lower is better (NaN: not a candidate for best). */
    synchronized void add(Checkpoint c, double monitored) {
        latest = c;
        if (monitored < bestValue) { bestValue = monitored; best = c; }
        if (c.epoch() % stride == 0) {
            spaced.add(c);
            while (spaced.size() > spacedRoom) {
                stride *= 2;
                spaced.removeIf(s -> s.epoch() % stride != 0);
            }
        }
        Set<Checkpoint> all = new LinkedHashSet<>(spaced);
        if (best != null) all.add(best);
        all.add(latest);
        List<Checkpoint> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingInt(Checkpoint::epoch));
        view = List.copyOf(sorted);
    }

    /** Every kept checkpoint, by epoch. */
    List<Checkpoint> all() { return view; }

    Checkpoint latest() { return latest; }

    Checkpoint best() { return best; }
}
