package org.layerlab.compute.train.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.graph.Node;
import org.layerlab.compute.graph.SequentialBuilder;

/** The weights on the wires: which networks qualify, and the last gradient kept over snapshots that carry none. */
class WiresProbeTest {
    @Test
    void aSmallDenseChainQualifiesAWideOrConvolutionalOneDoesNot() {
        assertEquals(List.of("dense-1", "output-1"), WiresProbe.chain(StepTraceTest.net()).stream().map(Node::id).toList());
        var wide = new SequentialBuilder().add("input", "shape", List.of(2)).add("dense", "units", 65).add("output", "units", 2).build();
        assertTrue(WiresProbe.chain(wide).isEmpty(), "65 neurons are more than the view draws");
        var image = new SequentialBuilder().add("input", "shape", List.of(1, 8, 8)).add("conv2d", "filters", 2).add("flatten")
                .add("output", "units", 2).build();
        assertTrue(WiresProbe.chain(image).isEmpty(), "the first weighted layer is not a Dense layer, its input too wide");
    }

    @Test
    void carriesEachKernelAndTheLastGradientSeen() {
        CompiledNetwork net = StepTraceTest.fixed();
        WiresProbe probe = new WiresProbe(net.graph(), 10);
        Map<String, float[]> w = WeightSnapshot.copyWeights(net);
        float[] g = {1, 2, 3, 4};
        var step = new WeightSnapshot(WeightSnapshot.Kind.STEP, 5, 1, false, 0, w, Map.of("dense-1/kernel", g), w, null);
        var r = probe.run(step, null);
        assertEquals(2, r.layers().get(0).inputs());
        assertEquals(2, r.layers().get(0).units());
        assertArrayEquals(new float[] {0.1f, -0.2f, 0.3f, 0.4f}, r.layers().get(0).weights(), 0);
        assertSame(g, r.layers().get(0).gradient());
        assertNull(r.layers().get(1).gradient());
        var paused = probe.run(new WeightSnapshot(WeightSnapshot.Kind.PAUSE, 5, 1, false, 0, w, null, null, null), null);
        assertSame(g, paused.layers().get(0).gradient(), "a pause carries no gradients: the step's stay shown");
        assertEquals(5, paused.gradientStep());
    }
}
