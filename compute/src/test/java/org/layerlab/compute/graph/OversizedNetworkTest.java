package org.layerlab.compute.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.layerlab.compute.tensor.Shape;

/** Sizes past what a tensor or the heap can hold are a layer's error before anything is allocated, not a crash. */
class OversizedNetworkTest {
    private static Locale before;

    @BeforeAll static void english() { before = Locale.getDefault(); Locale.setDefault(Locale.ROOT); }
    @AfterAll static void restore() { Locale.setDefault(before); }

    @Test void shapeArithmeticIsOverflowChecked() {
        IllegalArgumentException e = assertThrows(Shape.TooLargeException.class, () -> Shape.of(65536, 65536));
        assertEquals("65536×65536 holds more numbers than one tensor can (2,147,483,647)", e.getMessage());
        assertThrows(Shape.TooLargeException.class, () -> Shape.of(3).withBatch(Integer.MAX_VALUE));
        assertEquals(65536L * 65536L, Shape.elements(65536, 65536));
        assertEquals(Integer.MAX_VALUE, Shape.of(Integer.MAX_VALUE).size());
    }

    @Test void anInputTooLargeForATensorIsTheInputsError() {
        GraphAnalysis a = ShapeInference.analyze(new SequentialBuilder().add("input", "shape", List.of(65536, 65536)).add("flatten").build());
        assertFalse(a.valid());
        assertTrue(a.info("input-1").error().startsWith("Input 1: 65536×65536 holds more numbers"), a.info("input-1").error());
        assertTrue(a.info("flatten-1").error().contains("its input Input 1 has an error"));
    }

    @Test void aDenseLayerLargerThanTheHeapIsRefusedWithItsNameAndSize() {
        ModelGraph g = new SequentialBuilder().add("input", "shape", List.of(65536)).add("dense", "units", 65536).build();
        GraphAnalysis a = ShapeInference.analyze(g);
        String error = a.info("dense-1").error();
        assertTrue(error.startsWith("Dense 1 would need 16.0 GiB for its weights; LayerLab may use "), error);
        assertTrue(error.endsWith("raise -Xmx."), error);
        GraphException refused = assertThrows(GraphException.class, () -> CompiledNetwork.compile(g, 1));
        assertTrue(refused.getMessage().contains("Dense 1 would need 16.0 GiB"), refused.getMessage());
    }

    @Test void layersThatFitAloneButNotTogetherAreRefusedAtCompile() {
        long heap = MemoryEstimate.available();
        // Each layer a bit more than a third of the heap: shape inference passes them, compiling all three must not.
        int units = (int) Math.min(46000, Math.sqrt(heap / 4.0 / 2.6));
        ModelGraph g = new SequentialBuilder().add("input", "shape", List.of(units)).add("dense", "units", units)
                .add("dense", "units", units).add("dense", "units", units).build();
        GraphAnalysis a = ShapeInference.analyze(g);
        if (!a.valid()) return; // a heap under ~3 layers' worth of even the cap: nothing to show here
        GraphException refused = assertThrows(GraphException.class, () -> CompiledNetwork.compile(g, 1));
        assertTrue(refused.getMessage().startsWith("The network's weights would need "), refused.getMessage());
    }

    @Test void formatsSizesForPeople() {
        assertEquals("16.0 GiB", MemoryEstimate.format(16L << 30));
        assertEquals("512 bytes", MemoryEstimate.format(512));
        assertEquals("1.5 KiB", MemoryEstimate.format(1536));
    }
}
