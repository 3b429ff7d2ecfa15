package org.layerlab.compute.layers;

/** How many incoming wires a layer takes. */
public record Arity(int min, int max) {
    public static final Arity NONE = new Arity(0, 0);
    public static final Arity ONE = new Arity(1, 1);
    public static final Arity MANY = new Arity(2, Integer.MAX_VALUE);

    public boolean accepts(int n) { return n >= min && n <= max; }
}
