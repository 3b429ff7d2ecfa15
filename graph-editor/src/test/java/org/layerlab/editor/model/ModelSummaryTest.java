package org.layerlab.editor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.layerlab.compute.graph.Edge;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.ShapeInference;
import org.layerlab.editor.Graphs;

/** The Keras-style summary rows and totals, without JavaFX. */
class ModelSummaryTest {
    @Test
    void rowsFollowDataFlowWithShapesCountsAndTotals() {
        ModelGraph g = Graphs.chain();
        ModelSummary s = ModelSummary.of(g, ShapeInference.analyze(g));
        assertEquals(List.of("Input", "Hidden 1", "Hidden 2", "Output"), s.rows().stream().map(ModelSummary.Row::name).toList());
        ModelSummary.Row h1 = s.rows().get(1);
        assertEquals("Dense", h1.type());
        assertEquals("24", h1.outputShape());
        assertEquals(2 * 24 + 24, h1.parameters());
        assertEquals(2L * 2 * 24, h1.flops());
        assertEquals(72 + 600 + 50, s.totalParameters());
        assertEquals(0, s.errors());
    }

    @Test
    void aLayerWithAnErrorShowsItAndCountsNothing() {
        ModelGraph g = Graphs.chain().withoutEdge(new Edge("hidden-1", "hidden-2", 0));
        ModelSummary s = ModelSummary.of(g, ShapeInference.analyze(g));
        ModelSummary.Row h2 = s.rows().stream().filter(r -> r.id().equals("hidden-2")).findFirst().orElseThrow();
        assertEquals("error", h2.outputShape());
        assertEquals(2, s.errors(), "Hidden 2 has no input, and so Output has no valid input");
        assertEquals(72, s.totalParameters());
    }
}
