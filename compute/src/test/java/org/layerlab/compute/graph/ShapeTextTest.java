package org.layerlab.compute.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Shape-inference and wiring messages read in the language of the moment. */
class ShapeTextTest {
    private final Locale before = Locale.getDefault();

    @AfterEach void restore() { Locale.setDefault(before); }

    private static SequentialBuilder denseOnImage() {
        return new SequentialBuilder().add("input", "shape", List.of(1, 28, 28)).add("dense", "units", 10);
    }

    /** The layer built in Chinese is named in Chinese too ("全连接 1"), as the palette names it. */
    @Test void aShapeErrorIsExplainedInChinese() {
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        assertEquals("全连接 1：需要扁平输入，实际为 1×28×28 — 在它前面加上展平层", ShapeRuleTest.onlyError(ShapeRuleTest.analyze(denseOnImage())));
        Locale.setDefault(Locale.ENGLISH);
        assertEquals("Dense 1 expects a flat input, got 1×28×28 — add Flatten before it", ShapeRuleTest.onlyError(ShapeRuleTest.analyze(denseOnImage())));
    }

    @Test void aRefusedWireIsExplainedInChinese() {
        ModelGraph g = denseOnImage().build();
        String dense = g.nodes().get(1).id();
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        assertEquals("层不能连到自己", g.connectionProblem(new Edge(dense, dense, 0)));
    }
}
