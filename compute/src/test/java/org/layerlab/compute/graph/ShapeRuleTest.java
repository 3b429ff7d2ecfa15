package org.layerlab.compute.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.layers.LayerType;
import org.layerlab.compute.layers.LayerTypes;
import org.layerlab.compute.nn.Activations;
import org.layerlab.compute.nn.Initializers;
import org.layerlab.compute.nn.Losses;
import org.layerlab.compute.nn.Optimizers;
import org.layerlab.compute.nn.Schedules;
import org.layerlab.compute.catalog.CatalogEntry;
import org.layerlab.compute.tensor.Shape;

/** Shape rules, counts and the messages a user sees: each names the node and says what to change. */
class ShapeRuleTest {
    static GraphAnalysis analyze(SequentialBuilder b) { return ShapeInference.analyze(b.build()); }

    static String onlyError(GraphAnalysis a) {
        assertFalse(a.valid());
        return a.errors().get(0);
    }

    @Test void leNetShapesCountsAndFlops() {
        ModelGraph g = new SequentialBuilder().add("input", "shape", List.of(1, 28, 28))
                .add("conv2d", "filters", 6, "kernel", 5, "padding", "same", "activation", "relu")
                .add("maxpool2d", "pool", 2)
                .add("conv2d", "filters", 16, "kernel", 5, "activation", "relu")
                .add("maxpool2d", "pool", 2).add("flatten")
                .add("dense", "units", 120).add("dense", "units", 84).add("dense", "units", 10).build();
        GraphAnalysis a = ShapeInference.analyze(g);
        assertTrue(a.valid(), a.errors().toString());
        assertEquals(Shape.of(6, 28, 28), a.info("conv2d-1").outputShape());
        assertEquals(Shape.of(16, 5, 5), a.info("maxpool2d-2").outputShape());
        assertEquals(61_706, a.totalParameters()); // the classic LeNet-5 count (PyTorch agrees)
        assertEquals(2L * 6 * 28 * 28 * 25, a.info("conv2d-1").flops());
    }

    @Test void denseOnAnImageSaysAddFlatten() {
        String e = onlyError(analyze(new SequentialBuilder().add("input", "shape", List.of(1, 28, 28)).add("dense", "units", 10)));
        assertEquals("Dense 1 expects a flat input, got 1×28×28 — add Flatten before it", e);
    }

    @Test void convOnFlatInputSaysReshape() {
        String e = onlyError(analyze(new SequentialBuilder().add("input", "shape", List.of(784)).add("conv2d")));
        assertTrue(e.startsWith("Conv2D 1 expects an image C×H×W, got 784 — add a Reshape"), e);
    }

    @Test void kernelLargerThanImage() {
        String e = onlyError(analyze(new SequentialBuilder().add("input", "shape", List.of(1, 3, 3)).add("conv2d", "kernel", 5)));
        assertTrue(e.startsWith("Conv2D 1 has a kernel (5×5 pixels) larger than its 3×3 input"), e);
    }

    @Test void reshapeSizeMismatch() {
        String e = onlyError(analyze(new SequentialBuilder().add("input", "shape", List.of(10)).add("reshape", "shape", List.of(3, 3))));
        assertTrue(e.contains("cannot reshape 10 (10 values) into 3×3 (9 values)"), e);
    }

    @Test void addAndConcatenateMismatches() {
        ModelGraph g = ModelGraph.empty();
        SequentialBuilder b = new SequentialBuilder().add("input", "shape", List.of(4)).add("dense", "units", 3);
        g = b.build();
        Node add = new Node("add-1", "add", "Add 1", LayerTypes.CATALOG.get("add").defaultParams(), 0, 0);
        g = g.withNode(add).withEdge(new Edge("input-1", "add-1", 0)).withEdge(new Edge("dense-1", "add-1", 1));
        String e = onlyError(ShapeInference.analyze(g));
        assertTrue(e.startsWith("Add 1 needs inputs of the same shape, got 4 and 3"), e);
        Node cat = new Node("concatenate-1", "concatenate", "Join", LayerTypes.CATALOG.get("concatenate").defaultParams(), 0, 0);
        ModelGraph g2 = b.build().withNode(cat).withEdge(new Edge("input-1", "concatenate-1", 0)).withEdge(new Edge("dense-1", "concatenate-1", 1));
        GraphAnalysis a = ShapeInference.analyze(g2);
        assertTrue(a.valid(), a.errors().toString());
        assertEquals(Shape.of(7), a.info("concatenate-1").outputShape());
    }

    @Test void outputHeadChecksItsLoss() {
        String e = onlyError(analyze(new SequentialBuilder().add("input", "shape", List.of(4)).add("output", "units", 1)));
        assertTrue(e.startsWith("Output 1 has 1 output but softmax cross-entropy chooses between classes"), e);
    }

    /** Every declaration in every catalog explains itself and each parameter, and its defaults are valid. */
    @Test void everyDeclarationIsDocumented() {
        List<List<? extends CatalogEntry>> all = List.of(List.copyOf(LayerTypes.CATALOG.all()), List.copyOf(Activations.CATALOG.all()),
                List.copyOf(Losses.CATALOG.all()), List.copyOf(Optimizers.CATALOG.all()), List.copyOf(Initializers.CATALOG.all()),
                List.copyOf(Schedules.CATALOG.all()));
        for (List<? extends CatalogEntry> entries : all) {
            for (CatalogEntry e : entries) {
                assertFalse(e.description().isBlank(), e.id());
                assertFalse(e.displayName().isBlank(), e.id());
                e.defaultParams();
                for (ParamSpec p : e.params()) assertFalse(p.description().isBlank(), e.id() + "." + p.name());
            }
        }
        for (LayerType t : LayerTypes.CATALOG.all()) assertTrue(t.arity().max() >= t.arity().min(), t.id());
    }
}
