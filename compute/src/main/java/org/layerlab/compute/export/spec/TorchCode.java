package org.layerlab.compute.export.spec;

import java.util.List;
import java.util.Map;

/**
 * The PyTorch code of one layer, declared with the layer: the module it creates in {@code __init__} (or none), the
 * expression its {@code forward} computes, and where its trained tensors go in that module's state dict.
 *
 * @param module   a constructor expression such as {@code nn.Linear(2, 16)}, or empty when the layer needs no module
 * @param forward  the forward expression; {@code {m}} stands for the module ({@code self.name}), {@code {0}},
 *                 {@code {1}}… for the inputs and {@code {all}} for all inputs joined by commas
 * @param weights  LayerLab tensor name ("kernel") → state-dict name relative to the module ("weight"); a ":T" suffix
 *                 means the tensor is stored transposed (its two axes swapped) in PyTorch
 * @param helpers  names of helper classes from the generated file's preamble this code uses (e.g. "AvgPool2dPadded")
 */
public record TorchCode(String module, String forward, Map<String, String> weights, List<String> helpers) {
    public TorchCode {
        weights = Map.copyOf(weights);
        helpers = List.copyOf(helpers);
    }

    /** A layer with a module applied to its single input. */
    public static TorchCode module(String module, Map<String, String> weights) {
        return new TorchCode(module, "{m}({0})", weights, List.of());
    }

    /** A layer computed by an expression of its inputs alone. */
    public static TorchCode expression(String forward) {
        return new TorchCode("", forward, Map.of(), List.of());
    }

    /** This code followed by an activation module (none for the identity); weights move under "0." when wrapped. */
    public TorchCode then(String activationModule) {
        if (activationModule == null || activationModule.isEmpty()) return this;
        Map<String, String> moved = new java.util.LinkedHashMap<>();
        String inner = module;
        if (module.startsWith("nn.Sequential(") && module.endsWith(")")) {
            inner = module.substring("nn.Sequential(".length(), module.length() - 1);
            weights.forEach(moved::put);
        } else {
            weights.forEach((k, v) -> moved.put(k, "0." + v));
        }
        return new TorchCode("nn.Sequential(" + inner + ", " + activationModule + ")", forward, moved, helpers);
    }
}
