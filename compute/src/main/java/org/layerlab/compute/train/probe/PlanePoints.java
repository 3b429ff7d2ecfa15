package org.layerlab.compute.train.probe;

import java.util.ArrayList;
import java.util.List;
import org.layerlab.compute.data.Dataset;

/** The samples of a 2-D data set as plain arrays, per part of the split, for drawing them over the plane. */
public record PlanePoints(List<Part> parts) {
    /** Which part of the split a set of points is. */
    public enum Role { TRAIN, VALIDATION, TEST }

    /** Points as (x, y) pairs with their class labels (or null) and values (regression, or null). */
    public record Part(Role role, float[] xy, int[] labels, float[] targets) {
        public int size() { return xy.length / 2; }
    }

    public PlanePoints { parts = List.copyOf(parts); }

    /** The parts that exist (null or empty ones are left out). */
    public static PlanePoints of(Dataset train, Dataset validation, Dataset test) {
        List<Part> parts = new ArrayList<>();
        add(parts, Role.TRAIN, train);
        add(parts, Role.VALIDATION, validation);
        add(parts, Role.TEST, test);
        return new PlanePoints(parts);
    }

    private static void add(List<Part> parts, Role role, Dataset d) {
        if (d == null || d.size() == 0) return;
        parts.add(new Part(role, d.x().data().clone(), d.labels() == null ? null : d.labels().clone(),
                d.targets() == null ? null : d.targets().clone()));
    }

    public Part part(Role role) { return parts.stream().filter(p -> p.role() == role).findFirst().orElse(null); }

    /** The smallest and largest target value over every part ({NaN, NaN} without targets). */
    public double[] targetRange() {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Part p : parts) if (p.targets() != null) for (float t : p.targets()) { lo = Math.min(lo, t); hi = Math.max(hi, t); }
        return lo > hi ? new double[] {Double.NaN, Double.NaN} : new double[] {lo, hi};
    }
}
