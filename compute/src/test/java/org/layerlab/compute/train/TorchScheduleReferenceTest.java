package org.layerlab.compute.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.layers.Parameter;
import org.layerlab.compute.layers.TorchReferenceAccess;
import org.layerlab.compute.nn.Schedule;
import org.layerlab.compute.nn.Schedules;
import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.tensor.Tensor;

/** Learning-rate schedules and gradient clipping against torch.optim.lr_scheduler and clip_grad_norm_. */
class TorchScheduleReferenceTest {
    static Stream<JsonNode> cases() throws Exception { return TorchReferenceAccess.list(TorchReferenceAccess.doc().get("schedules")).stream(); }

    @ParameterizedTest(name = "{0}") @MethodSource("cases")
    void schedule(JsonNode k) throws Exception {
        Schedule s = Schedules.CATALOG.get(k.get("schedule").asText());
        @SuppressWarnings("unchecked")
        Map<String, Object> given = new ObjectMapper().convertValue(k.get("params"), LinkedHashMap.class);
        Params p = Params.of(s.params(), given);
        double base = k.get("baseLr").asDouble();
        int spe = k.get("stepsPerEpoch").asInt();
        long total = k.get("totalSteps").asLong();
        for (int step = 0; step < k.get("rates").size(); step++) {
            double expected = k.get("rates").get(step).asDouble();
            assertEquals(expected, base * s.factor(p, step, spe, total), 1e-9 + 1e-6 * expected, s.id() + " step " + step);
        }
    }

    @Test void everyScheduleHasAReference() throws Exception {
        Set<String> ids = new HashSet<>();
        cases().forEach(k -> ids.add(k.get("schedule").asText()));
        assertEquals(new HashSet<>(Schedules.CATALOG.ids()), ids);
    }

    @Test void gradientClipping() throws Exception {
        JsonNode c = TorchReferenceAccess.doc().get("clip");
        float[] g1 = TorchReferenceAccess.floats(c.get("grads").get(0)), g2 = TorchReferenceAccess.floats(c.get("grads").get(1));
        Parameter p1 = new Parameter("a", Tensor.zeros(Shape.of(g1.length))), p2 = new Parameter("b", Tensor.zeros(Shape.of(g2.length)));
        System.arraycopy(g1, 0, p1.grad().data(), 0, g1.length);
        System.arraycopy(g2, 0, p2.grad().data(), 0, g2.length);
        Trainer.clipGlobalNorm(List.of(p1, p2), c.get("maxNorm").asDouble());
        TorchReferenceAccess.close("clip a", TorchReferenceAccess.floats(c.get("clipped").get(0)), p1.grad().data(), 1e-5);
        TorchReferenceAccess.close("clip b", TorchReferenceAccess.floats(c.get("clipped").get(1)), p2.grad().data(), 1e-5);
    }
}
