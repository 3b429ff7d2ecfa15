package org.layerlab.compute.graph;

import java.util.List;

/** Well-known networks, built once here for the tests and benchmarks that compare LayerLab with PyTorch. */
public final class ReferenceNetworks {
    private ReferenceNetworks() {}

    /** The Fashion-MNIST MLP: 784 → 256 ReLU → 128 ReLU → 10 logits (an Output head with softmax cross-entropy). */
    public static ModelGraph fashionMlp() {
        return new SequentialBuilder().add("input", "shape", List.of(784))
                .add("dense", "units", 256, "activation", "relu", "kernelInitializer", "he-uniform")
                .add("dense", "units", 128, "activation", "relu", "kernelInitializer", "he-uniform")
                .add("output", "units", 10).build();
    }

    /** LeNet-5 for 1×28×28 images: 6 and 16 5×5 filters with 2×2 max pooling, then 120 → 84 → 10 logits (an Output head with softmax cross-entropy). */
    public static ModelGraph leNet5() {
        return new SequentialBuilder().add("input", "shape", List.of(1, 28, 28))
                .add("conv2d", "filters", 6, "kernel", 5, "padding", "same", "activation", "relu")
                .add("maxpool2d", "pool", 2)
                .add("conv2d", "filters", 16, "kernel", 5, "activation", "relu")
                .add("maxpool2d", "pool", 2)
                .add("flatten")
                .add("dense", "units", 120, "activation", "relu", "kernelInitializer", "he-uniform")
                .add("dense", "units", 84, "activation", "relu", "kernelInitializer", "he-uniform")
                .add("output", "units", 10).build();
    }
}
