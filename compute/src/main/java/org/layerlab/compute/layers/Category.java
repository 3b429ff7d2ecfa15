package org.layerlab.compute.layers;

/** Palette groups; the editor colours nodes by category. */
public enum Category {
    INPUT("Input & output"),
    CORE("Core"),
    CONVOLUTION("Convolution"),
    POOLING("Pooling"),
    NORMALIZATION("Normalization"),
    REGULARIZATION("Regularization"),
    ACTIVATION("Activation"),
    RESHAPE("Reshape"),
    MERGE("Merge");

    private final String displayName;

    Category(String displayName) { this.displayName = displayName; }

    public String displayName() { return displayName; }
}
