package org.layerlab.editor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class WireLabelSpotTest {
    private final Point a = new Point(0, 100), b = new Point(400, 100);
    private final Point c1 = new Point(200, 100), c2 = new Point(200, 100);

    @Test void aClearWireGetsItsLabelAboveTheMiddle() {
        assertEquals(new Point(180, 100 - 14 - 2), WireLabelSpot.choose(a, c1, c2, b, 40, 14, List.of(), List.of()));
    }

    @Test void aCardOverTheMiddleMovesTheLabelAlongTheWire() {
        Box card = new Box(150, 60, 100, 80);
        Point p = WireLabelSpot.choose(a, c1, c2, b, 40, 14, List.of(card), List.of(new Box(150, 60, 100, 20)));
        assertFalse(new Box(p.x(), p.y(), 40, 14).overlaps(card), "off the card: " + p);
    }

    @Test void withNoRoomOffCardsTheLabelStillAvoidsTitles() {
        Box card = new Box(-50, 40, 500, 120), title = new Box(-50, 40, 500, 28);
        Point p = WireLabelSpot.choose(a, c1, c2, b, 40, 14, List.of(card), List.of(title));
        assertFalse(new Box(p.x(), p.y(), 40, 14).overlaps(title), "off the title: " + p);
    }

    @Test void withNoRoomAtAllThereIsNoLabel() {
        Box everything = new Box(-100, -100, 700, 400);
        assertNull(WireLabelSpot.choose(a, c1, c2, b, 40, 14, List.of(everything), List.of(everything)));
    }

    @Test void distanceToTheCurve() {
        assertEquals(0, WireLabelSpot.distance(a, c1, c2, b, new Point(200, 100)), 1e-9);
        assertEquals(30, WireLabelSpot.distance(a, c1, c2, b, new Point(200, 130)), 1e-6);
    }
}
