package org.layerlab.compute.layers;

import org.layerlab.compute.catalog.Catalog;

/** The layer catalog: registering a layer here makes it appear in the palette, files, trainer and exporters. */
public final class LayerTypes {
    private LayerTypes() {}

    public static final Catalog<LayerType> CATALOG = new Catalog<>("layer type",
            new InputLayer(),
            new DenseLayer(),
            new Conv2DLayer(),
            new PoolingLayer.Max(),
            new PoolingLayer.Avg(),
            new GlobalAveragePooling2DLayer(),
            new FlattenLayer(),
            new ReshapeLayer(),
            new DropoutLayer(),
            new BatchNormalizationLayer(),
            new LayerNormalizationLayer(),
            new ActivationLayer(),
            new AddLayer(),
            new ConcatenateLayer(),
            new OutputLayer(),
            // last, so the palette entries before it keep their places
            new ZeroPadding2DLayer(),
            new FeatureInputsLayer());
}
