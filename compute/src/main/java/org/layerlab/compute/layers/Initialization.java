package org.layerlab.compute.layers;

import org.layerlab.compute.catalog.CatalogText;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.nn.Initializers;
import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.tensor.Tensor;

/** The weight and bias initialiser settings of layers with a kernel, declared once for Dense, Conv2D and Output. */
final class Initialization {
    static final String KERNEL = "kernelInitializer", BIAS = "biasInitializer", USE_BIAS = "useBias";

    private Initialization() {}

    /** The texts of the initialiser settings: "init.kernelInitializer", and its explanation per what the kernel holds. */
    private static final CatalogText TEXT = CatalogText.of("init");

    /**
     * The kernel's initialiser (with its settings), then the bias's; with {@code optionalBias} the bias choice only
     * applies while the layer's "useBias" is on.
     */
    static List<ParamSpec> specs(String kernelDefault, String kernelWhat, boolean optionalBias) {
        List<ParamSpec> specs = new ArrayList<>(Initializers.CATALOG.choiceWithSettings(KERNEL, TEXT.label(KERNEL), kernelDefault,
                TEXT.about(KERNEL + "." + kernelWhat)));
        List<ParamSpec> bias = new ArrayList<>(Initializers.CATALOG.choiceWithSettings(BIAS, TEXT.label(BIAS), Initializers.ZEROS.id(),
                TEXT.about(BIAS)));
        if (optionalBias) bias.set(0, bias.get(0).shownWhen(BIAS, USE_BIAS, "true"));
        specs.addAll(bias);
        return specs;
    }

    static Tensor kernel(Params p, Shape shape, int fanIn, int fanOut, SplittableRandom random) {
        return Initializers.CATALOG.chosen(p, KERNEL).create(shape, fanIn, fanOut, random);
    }

    /** Null when the layer has no bias. */
    static Tensor bias(Params p, int size, int fanIn, int fanOut, SplittableRandom random) {
        if (p.specs().stream().anyMatch(s -> s.name().equals(USE_BIAS)) && !p.getBoolean(USE_BIAS)) return null;
        return Initializers.CATALOG.chosen(p, BIAS).create(Shape.of(size), fanIn, fanOut, random);
    }
}
