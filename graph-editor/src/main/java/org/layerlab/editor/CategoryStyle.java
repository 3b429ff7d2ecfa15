package org.layerlab.editor;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.layerlab.compute.layers.Category;

/**
 * The accent colour and short badge of each layer category (Okabe–Ito palette: distinguishable with colour-blindness,
 * bright on a projector). The one declaration of these colours: the generated {@link #styleSheet()} gives each
 * category a style class defining the looked-up colour {@code -category-accent}, which cards, ports, badges and the
 * palette read in canvas.css; the graph export reads {@link #colours()}.
 */
public final class CategoryStyle {
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

    /** A few letters (two characters in Chinese) for the card's badge, so categories differ by more than colour. */
    static String badge(Category c) { return EditorText.TEXT.get("badge." + c.name()); }

    static Map<Category, String> colours() {
        Map<Category, String> m = new EnumMap<>(Category.class);
        for (Category c : Category.values()) m.put(c, colour(c));
        return m;
    }

    /** The style class a card or palette entry of this category carries, e.g. {@code category-core}. */
    public static String styleClass(Category c) {
        return "category-" + c.name().toLowerCase(Locale.ROOT);
    }

    /** The text of the generated sheet: one rule per category defining {@code -category-accent}. */
    public static String css() {
        StringBuilder b = new StringBuilder("/* Generated from CategoryStyle: the accent of each layer category. */\n");
        for (Category c : Category.values()) {
            b.append('.').append(styleClass(c)).append(" { -category-accent: ").append(colour(c)).append("; }\n");
        }
        return b.toString();
    }

    /** The generated sheet as a {@code data:} URL, added to a parent's style sheets like any file. */
    public static String styleSheet() {
        return "data:text/css;base64," + Base64.getEncoder().encodeToString(css().getBytes(StandardCharsets.UTF_8));
    }
}
