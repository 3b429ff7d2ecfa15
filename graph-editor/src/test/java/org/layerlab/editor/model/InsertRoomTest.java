package org.layerlab.editor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.layerlab.compute.graph.Edge;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.editor.Graphs;

class InsertRoomTest {
    private final ModelGraph chain = Graphs.chain();

    private Map<String, Box> boxes(ModelGraph g) {
        Map<String, Box> m = new LinkedHashMap<>();
        g.nodes().forEach(n -> m.put(n.id(), new Box(n.x(), n.y(), 170, 80)));
        return m;
    }

    @Test void aNarrowGapPushesTheTargetAndEverythingAfterItAlong() {
        InsertRoom.Plan p = InsertRoom.plan(chain, new Edge("hidden-1", "hidden-2", 0), boxes(chain), Orientation.LEFT_RIGHT, 170, 80, 20);
        assertEquals(new Point(500, 200), p.at(), "right after Hidden 1, on its row");
        assertEquals(Map.of("hidden-2", new Point(720, 200), "output", new Point(940, 200)), p.moves(), "Hidden 2 and Output move along by one card");
    }

    @Test void aWideGapTakesTheNewLayerInTheMiddleAndMovesNothing() {
        Map<String, Box> b = boxes(chain);
        b.put("hidden-2", new Box(900, 200, 170, 80));
        InsertRoom.Plan p = InsertRoom.plan(chain, new Edge("hidden-1", "hidden-2", 0), b, Orientation.LEFT_RIGHT, 170, 80, 20);
        assertTrue(p.moves().isEmpty());
        assertEquals(200, p.at().y());
        assertTrue(p.at().x() > 450 && p.at().x() + 170 < 900, "between the two: " + p.at());
    }

    @Test void topDownMakesRoomDownwards() {
        Map<String, Box> b = new LinkedHashMap<>();
        chain.nodes().forEach(n -> b.put(n.id(), new Box(100, chain.nodes().indexOf(n) * 120.0, 170, 80)));
        InsertRoom.Plan p = InsertRoom.plan(chain, new Edge("hidden-1", "hidden-2", 0), b, Orientation.TOP_DOWN, 170, 80, 20);
        assertEquals(100, p.at().x());
        assertTrue(p.moves().get("hidden-2").y() >= p.at().y() + 80 + 40, "Hidden 2 moves below the new card: " + p);
    }
}
