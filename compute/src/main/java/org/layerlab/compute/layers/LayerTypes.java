package org.layerlab.compute.layers;

import org.layerlab.compute.catalog.Catalog;

/** The layer catalog: registering a layer here makes it appear in the palette, files, trainer and exporters. */
public final class LayerTypes {
    private LayerTypes() {}

    public static final Catalog<LayerType> CATALOG = new Catalog<>("layer type",
            new InputLayer(),
            new DenseLayer(),
            new ActivationLayer(),
            new DropoutLayer(),
            new FlattenLayer());
}
