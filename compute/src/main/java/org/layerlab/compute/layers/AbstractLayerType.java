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
    @Override public String displayName() { return displayName; }
    @Override public Category category() { return category; }
    @Override public Arity arity() { return arity; }
    @Override public String description() { return description; }
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
