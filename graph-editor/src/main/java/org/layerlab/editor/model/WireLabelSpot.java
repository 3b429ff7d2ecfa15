package org.layerlab.editor.model;

import java.util.Collection;

/**
 * Where a wire's shape label goes: near the middle of the wire, above it or below it, at the first spot that covers
 * no card; failing that, the first that covers no card's title; failing that, nowhere (the label is hidden, since a
 * covered title is worse than a missing shape, which the cards show anyway).
 */
public final class WireLabelSpot {
    private WireLabelSpot() {}

    /** Fractions along the wire tried in turn, from the middle outwards. */
    private static final double[] ALONG = {0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8};

    /**
     * The top-left corner for a label of {@code width} × {@code height} on the cubic {@code a, c1, c2, b}, or null.
     * {@code cards} and {@code titles} are in the same coordinates as the curve.
     */
    public static Point choose(Point a, Point c1, Point c2, Point b, double width, double height, Collection<Box> cards, Collection<Box> titles) {
        Point spot = first(a, c1, c2, b, width, height, cards);
        return spot != null ? spot : first(a, c1, c2, b, width, height, titles);
    }

    private static Point first(Point a, Point c1, Point c2, Point b, double width, double height, Collection<Box> avoid) {
        for (double t : ALONG) {
            Point m = at(a, c1, c2, b, t);
            for (double y : new double[] {m.y() - height - 2, m.y() + 2}) {
                Box label = new Box(m.x() - width / 2, y, width, height);
                if (avoid.stream().noneMatch(label::overlaps)) return new Point(label.x(), label.y());
            }
        }
        return null;
    }

    /** The point at {@code t} (0..1) on a cubic Bézier curve. */
    public static Point at(Point a, Point c1, Point c2, Point b, double t) {
        double u = 1 - t, w0 = u * u * u, w1 = 3 * u * u * t, w2 = 3 * u * t * t, w3 = t * t * t;
        return new Point(w0 * a.x() + w1 * c1.x() + w2 * c2.x() + w3 * b.x(), w0 * a.y() + w1 * c1.y() + w2 * c2.y() + w3 * b.y());
    }

    /** The distance from {@code p} to the curve, measured on 32 straight pieces (fine for picking with the pointer). */
    public static double distance(Point a, Point c1, Point c2, Point b, Point p) {
        double best = Double.MAX_VALUE;
        Point prev = a;
        for (int i = 1; i <= 32; i++) {
            Point next = at(a, c1, c2, b, i / 32.0);
            best = Math.min(best, segmentDistance(prev, next, p));
            prev = next;
        }
        return best;
    }

    private static double segmentDistance(Point s, Point e, Point p) {
        double dx = e.x() - s.x(), dy = e.y() - s.y(), len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((p.x() - s.x()) * dx + (p.y() - s.y()) * dy) / len2));
        return Math.hypot(p.x() - (s.x() + t * dx), p.y() - (s.y() + t * dy));
    }
}
