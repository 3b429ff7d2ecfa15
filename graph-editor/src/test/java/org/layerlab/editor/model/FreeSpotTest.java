package org.layerlab.editor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FreeSpotTest {
    @Test void aFreeSpotIsKept() {
        assertEquals(new Point(500, 40), FreeSpot.near(new Box(500, 40, 170, 80), List.of(new Box(0, 0, 170, 80)), 20, 10));
    }

    @Test void anOccupiedSpotMovesToTheNearestFreeOneOnTheGrid() {
        Box taken = new Box(100, 100, 170, 80);
        Point p = FreeSpot.near(new Box(100, 100, 170, 80), List.of(taken), 20, 10);
        assertFalse(new Box(p.x() - 10, p.y() - 10, 190, 100).overlaps(taken), "keeps the gap: " + p);
        assertEquals(0, Math.abs((p.x() - 100) % 20), 1e-9);
        assertEquals(0, Math.abs((p.y() - 100) % 20), 1e-9);
        assertTrue(Math.hypot(p.x() - 100, p.y() - 100) <= 120, "nearby: " + p);
    }

    @Test void aCrowdedAreaStillYieldsASpotCoveringNothing() {
        List<Box> taken = new ArrayList<>();
        for (int i = 0; i < 5; i++) for (int j = 0; j < 5; j++) taken.add(new Box(i * 200, j * 100, 170, 80));
        Point p = FreeSpot.near(new Box(400, 200, 170, 80), taken, 20, 10);
        Box placed = new Box(p.x(), p.y(), 170, 80);
        for (Box t : taken) assertFalse(placed.overlaps(t), p + " covers " + t);
        assertTrue(p.x() >= 0 && p.y() >= 0);
    }
}
