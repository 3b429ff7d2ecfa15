package org.layerlab.compute.layers;

import java.util.List;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.tensor.Shape;

/** Holds the descriptive part of a declaration so each layer class states only its behaviour. */
public abstract class AbstractLayerType implements LayerType {
    private final String id;
    private final String displayName;
    private final Category category;
    private final Arity arity;
    private final String description;
    private final List<ParamSpec> params;

    /**
     * A layer type whose name and explanation are in the layers bundle ({@code layer.<id>.name},
     * {@code layer.<id>.description}), read in the current language at each call.
     */
    protected AbstractLayerType(String id, Category category, Arity arity, List<ParamSpec> params) {
        this(id, null, category, arity, null, params);
    }

    /** A layer type with a fixed name and explanation (a type declared outside the catalog's bundle, such as a test's). */
    protected AbstractLayerType(String id, String displayName, Category category, Arity arity,
                                String description, List<ParamSpec> params) {
        this.id = id;
        this.displayName = displayName;
        this.category = category;
        this.arity = arity;
        this.description = description;
        this.params = List.copyOf(params);
    }

    @Override public String id() { return id; }
    @Override public String displayName() { return displayName != null ? displayName : text("layer." + id + ".name"); }
    @Override public Category category() { return category; }
    @Override public Arity arity() { return arity; }
    @Override public String description() { return description != null ? description : text("layer." + id + ".description"); }

    /** A text of the layers bundle, a MessageFormat pattern without arguments ("set''s" reads "set's"). */
    private static String text(String key) {
        return new java.text.MessageFormat(Category.TEXT.get(key), java.util.Locale.getDefault()).format(new Object[0]);
    }
    @Override public List<ParamSpec> params() { return params; }

    /** Parameter groups joined in order (a layer's own parameters, then shared ones such as initialisers). */
    @SafeVarargs
    protected static List<ParamSpec> concat(List<ParamSpec>... groups) {
        return java.util.Arrays.stream(groups).flatMap(List::stream).toList();
    }

    /** The single input of a one-input layer. */
    protected static Shape single(List<Shape> inputs) { return inputs.get(0); }

    @Override public String toString() { return id; }
}
