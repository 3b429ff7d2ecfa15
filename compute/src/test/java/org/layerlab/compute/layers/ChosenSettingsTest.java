package org.layerlab.compute.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.layerlab.compute.autodiff.Var;
import org.layerlab.compute.catalog.InvalidParamException;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.data.Batch;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.graph.SequentialBuilder;
import org.layerlab.compute.nn.Loss;
import org.layerlab.compute.nn.Optimizers;
import org.layerlab.compute.tensor.Tensor;
import org.layerlab.compute.train.Trainer;
import org.layerlab.compute.train.TrainingConfig;

/** Settings that belong to a chosen catalog entry (Huber's δ, a constant initialiser's value) reach what they configure. */
class ChosenSettingsTest {

    @Test void theOutputHeadsHuberDeltaIsTheOneTheRunMinimises() {
        CompiledNetwork net = CompiledNetwork.compile(new SequentialBuilder().add("input", "shape", List.of(1))
                .add("output", "units", 1, "loss", "huber", "loss.delta", 0.5).build(), 1);
        Loss loss = Trainer.runLoss(net);
        Var out = Var.constant(Tensor.of(new float[] {0f, 0.2f}, 2, 1));
        // A miss of 2 lies beyond δ = 0.5: δ(|d| − δ/2) = 0.875; a miss of 0.3 lies inside: ½·0.09 = 0.045.
        float value = loss.compute(out, new Batch(out.value(), null, new float[] {2f, 0.5f})).value().item();
        assertEquals((0.875 + 0.045) / 2, value, 1e-6);
        assertEquals(1.5f, org.layerlab.compute.nn.Losses.HUBER.compute(Var.constant(Tensor.of(new float[] {0f}, 1, 1)),
                new Batch(out.value(), null, new float[] {2f})).value().item(), 1e-6f, "the catalog's own Huber keeps δ = 1");
    }

    @Test void constantInitialisersStartWeightsAndBiasesAtTheirValues() {
        CompiledNetwork net = CompiledNetwork.compile(new SequentialBuilder().add("input", "shape", List.of(3))
                .add("dense", "units", 2, "kernelInitializer", "constant", "kernelInitializer.value", -0.2,
                        "biasInitializer", "constant", "biasInitializer.value", 0.3).build(), 1);
        Map<String, org.layerlab.compute.layers.Parameter> p = net.namedParameters();
        for (float w : p.get("dense-1/kernel").value().data()) assertEquals(-0.2f, w);
        for (float b : p.get("dense-1/bias").value().data()) assertEquals(0.3f, b);
    }

    @Test void aSettingAppliesOnlyWhileItsChoiceAndWhatThatDependsOnHold() throws InvalidParamException {
        LayerType dense = LayerTypes.CATALOG.get("dense");
        Params p = Params.of(dense.params(), Map.of("biasInitializer", "constant"));
        assertTrue(p.applies("biasInitializer.value"));
        assertFalse(p.applies("kernelInitializer.value"), "the kernel's initialiser is not the constant one");
        Params noBias = p.with("useBias", false);
        assertFalse(noBias.applies("biasInitializer"));
        assertFalse(noBias.applies("biasInitializer.value"), "a setting of a choice that does not apply does not apply either");
        assertEquals(0.1, noBias.getDouble("biasInitializer.value"), "the value is kept while hidden, so nothing is lost");
    }

    @Test void aSettingIsCheckedLikeAnyParameter() {
        var e = assertThrows(InvalidParamException.class,
                () -> Params.of(LayerTypes.CATALOG.get("output").params(), Map.of("loss", "huber", "loss.delta", 0)));
        assertTrue(e.getMessage().contains("Huber δ must be between"), e.getMessage());
    }
}
