package org.layerlab.compute.train.probe;

import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.tensor.Tensor;

/**
 * A square grid of {@code resolution}² cells over the input plane of a 2-D data set, x from {@code xMin} to
 * {@code xMax}, y from {@code yMin} to {@code yMax}. Cells are numbered row by row from the top (largest y) and left
 * (smallest x), the order of an image's pixels.
 */
public record PlaneGrid(double xMin, double xMax, double yMin, double yMax, int resolution) {
    /** Share of the points' extent added on each side, so the points are not on the edge. */
    static final double MARGIN = 0.08;

    public PlaneGrid {
        if (resolution < 2) throw new IllegalArgumentException("a grid needs at least 2×2 cells, got " + resolution);
        if (!(xMax > xMin) || !(yMax > yMin)) throw new IllegalArgumentException("empty plane " + xMin + ".." + xMax + " × " + yMin + ".." + yMax);
    }

    /** Whether a network with this input shape has an input plane (samples of two numbers). */
    public static boolean applies(Shape inputShape) { return inputShape.rank() == 1 && inputShape.size() == 2; }

    /**
     * The grid over every point of {@code xy} (pairs), with a margin; both axes get the same span (the larger), so
     * circles look round. A set without extent gets a unit square around its points.
     */
    public static PlaneGrid around(int resolution, float[]... xy) {
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y0 = x0, y1 = x1;
        for (float[] pts : xy) {
            if (pts == null) continue;
            for (int i = 0; i + 1 < pts.length; i += 2) {
                if (!Float.isFinite(pts[i]) || !Float.isFinite(pts[i + 1])) continue;
                x0 = Math.min(x0, pts[i]); x1 = Math.max(x1, pts[i]);
                y0 = Math.min(y0, pts[i + 1]); y1 = Math.max(y1, pts[i + 1]);
            }
        }
        if (x0 > x1) { x0 = -1; x1 = 1; y0 = -1; y1 = 1; }
        double span = Math.max(Math.max(x1 - x0, y1 - y0), 1e-6) * (1 + 2 * MARGIN);
        double cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
        return new PlaneGrid(cx - span / 2, cx + span / 2, cy - span / 2, cy + span / 2, resolution);
    }

    public int cells() { return resolution * resolution; }

    /** The x of column {@code c}'s centre. */
    public double x(int c) { return xMin + (c + 0.5) * (xMax - xMin) / resolution; }

    /** The y of row {@code r}'s centre (row 0 is the top). */
    public double y(int r) { return yMax - (r + 0.5) * (yMax - yMin) / resolution; }

    /** Every cell's centre as one batch (cells × 2), in cell order. */
    public Tensor points() {
        float[] d = new float[2 * cells()];
        for (int r = 0; r < resolution; r++) {
            for (int c = 0; c < resolution; c++) {
                int i = r * resolution + c;
                d[2 * i] = (float) x(c);
                d[2 * i + 1] = (float) y(r);
            }
        }
        return Tensor.of(d, cells(), 2);
    }
}
