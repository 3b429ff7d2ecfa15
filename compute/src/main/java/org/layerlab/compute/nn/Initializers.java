package org.layerlab.compute.nn;

import java.util.SplittableRandom;
import org.layerlab.compute.catalog.Catalog;
import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.tensor.Tensor;

/** The initialiser catalog. */
public final class Initializers {
    private Initializers() {}

    public static final Initializer GLOROT_UNIFORM = uniform("glorot-uniform", "Glorot uniform",
            "Uniform in ±√(6/(fan_in+fan_out)); keeps signal size steady for tanh and sigmoid layers.",
            (in, out) -> Math.sqrt(6.0 / (in + out)));

    public static final Initializer HE_UNIFORM = uniform("he-uniform", "He uniform",
            "Uniform in ±√(6/fan_in); suited to ReLU layers, which zero half their inputs.",
            (in, out) -> Math.sqrt(6.0 / in));

    public static final Initializer ZEROS = new Initializer() {
        public Tensor create(Shape shape, int fanIn, int fanOut, SplittableRandom random) { return Tensor.zeros(shape); }
        public String id() { return "zeros"; }
        public String displayName() { return "Zeros"; }
        public String description() { return "All zeros; fine for biases, wrong for weights (all units would stay identical)."; }
    };

    public static final Catalog<Initializer> CATALOG = new Catalog<>("initializer", GLOROT_UNIFORM, HE_UNIFORM, ZEROS);

    private interface Limit { double of(int fanIn, int fanOut); }

    private static Initializer uniform(String id, String name, String description, Limit limit) {
        return new Initializer() {
            public Tensor create(Shape shape, int fanIn, int fanOut, SplittableRandom random) {
                return Tensor.uniform(shape, limit.of(fanIn, fanOut), random);
            }
            public String id() { return id; }
            public String displayName() { return name; }
            public String description() { return description; }
        };
    }
}
