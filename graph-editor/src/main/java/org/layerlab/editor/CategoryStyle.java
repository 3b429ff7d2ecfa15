package org.layerlab.editor;

import java.util.EnumMap;
import java.util.Map;
import org.layerlab.compute.layers.Category;

/** The accent colour and short badge of each layer category (Okabe–Ito palette: distinguishable with colour-blindness, bright on a projector). */
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
            case MERGE -> "#C8B400";
        };
    }

    /** A few letters for the card's badge, so categories differ by more than colour. */
    static String badge(Category c) {
        return switch (c) {
            case INPUT -> "IO";
            case CORE -> "CORE";
            case CONVOLUTION -> "CONV";
            case POOLING -> "POOL";
            case NORMALIZATION -> "NORM";
            case REGULARIZATION -> "REG";
            case ACTIVATION -> "ACT";
            case RESHAPE -> "SHAPE";
            case MERGE -> "MERGE";
        };
    }

    static Map<Category, String> colours() {
        Map<Category, String> m = new EnumMap<>(Category.class);
        for (Category c : Category.values()) m.put(c, colour(c));
        return m;
    }
}
