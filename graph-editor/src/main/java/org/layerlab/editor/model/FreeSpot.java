package org.layerlab.editor.model;

import java.util.Collection;

/** Where a new card goes so that it covers no other: the wanted spot if free, else the nearest free one on the grid. */
public final class FreeSpot {
    private FreeSpot() {}

    /**
     * The top-left corner nearest to {@code wanted}'s, on {@code grid} steps around it, where a box of its size keeps
     * at least {@code gap} from every box in {@code taken} and stays at non-negative coordinates.
     */
    public static Point near(Box wanted, Collection<Box> taken, double grid, double gap) {
        if (free(wanted, taken, gap)) return new Point(wanted.x(), wanted.y());
        // Rings of growing radius around the wanted spot; in each ring the closest candidate wins.
        for (int r = 1; r < 200; r++) {
            Point best = null;
            double bestD = Double.MAX_VALUE;
            for (int i = -r; i <= r; i++) {
                for (int j = -r; j <= r; j++) {
                    if (Math.max(Math.abs(i), Math.abs(j)) != r) continue;
                    double x = wanted.x() + i * grid, y = wanted.y() + j * grid;
                    if (x < 0 || y < 0) continue;
                    double d = Math.hypot(i, j);
                    if (d >= bestD) continue;
                    if (free(new Box(x, y, wanted.width(), wanted.height()), taken, gap)) { best = new Point(x, y); bestD = d; }
                }
            }
            if (best != null) return best;
        }
        return new Point(wanted.x(), wanted.y());
    }

    private static boolean free(Box b, Collection<Box> taken, double gap) {
        Box grown = new Box(b.x() - gap, b.y() - gap, b.width() + 2 * gap, b.height() + 2 * gap);
        for (Box t : taken) if (grown.overlaps(t)) return false;
        return true;
    }
}
