package org.layerlab.compute.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.graph.ReferenceNetworks;
import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.tensor.Tensor;

class TrainedModelTest {
    @Test void compilingGivesTheSameOutputsAsTheNetworkItCameFrom() {
        CompiledNetwork net = CompiledNetwork.compile(ReferenceNetworks.leNet5(), 42);
        TrainedModel model = TrainedModel.of(net, List.of());
        Tensor x = Tensor.uniform(net.inputShape().withBatch(3), 1, new SplittableRandom(1));
        assertArrayEquals(net.predict(x).data(), model.compile().predict(x).data());
        // the seed-0 network that compile() starts from differs, so the values really were loaded
        assertNotEquals(java.util.Arrays.toString(CompiledNetwork.compile(ReferenceNetworks.leNet5(), 0).predict(x).data()),
                java.util.Arrays.toString(net.predict(x).data()));
    }

    @Test void missingExtraAndMisshapenTensorsAreNamed() {
        TrainedModel model = TrainedModel.of(CompiledNetwork.compile(ReferenceNetworks.fashionMlp(), 1), List.of());
        String first = model.tensors().keySet().iterator().next();
        Map<String, Tensor> missing = new LinkedHashMap<>(model.tensors());
        missing.remove(first);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new TrainedModel(model.graph(), missing, List.of()).compile()).getMessage().contains(first));
        Map<String, Tensor> extra = new LinkedHashMap<>(model.tensors());
        extra.put("nowhere/kernel", Tensor.zeros(2));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new TrainedModel(model.graph(), extra, List.of()).compile()).getMessage().contains("nowhere/kernel"));
        Map<String, Tensor> wrong = new LinkedHashMap<>(model.tensors());
        wrong.put(first, Tensor.zeros(Shape.of(1, 1)));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new TrainedModel(model.graph(), wrong, List.of()).compile()).getMessage().contains("shape"));
    }
}
