package org.layerlab.editor;

import org.layerlab.compute.layers.Category;

/** The accent colour of each layer category (Okabe–Ito palette: distinguishable with colour-blindness, bright on a projector). */
final class CategoryStyle {
    private CategoryStyle() {}

    static String colour(Category c) {
        return switch (c) {
            case INPUT -> "#0072B2";
            case CORE -> "#E69F00";
            case CONVOLUTION -> "#009E73";
            case POOLING -> "#56B4E9";
            case NORMALIZATION -> "#CC79A7";
            case REGULARIZATION -> "#999999";
            case ACTIVATION -> "#D55E00";
            case RESHAPE -> "#7F7F7F";
            case MERGE -> "#F0E442";
        };
    }
}
