package org.layerlab.compute.nn;

import org.layerlab.compute.catalog.CatalogText;
import java.util.List;
import java.util.SplittableRandom;
import org.layerlab.compute.catalog.Catalog;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.tensor.Tensor;

/** The initialiser catalog. Every one draws from the seeded generator it is given, so runs repeat bit for bit. */
public final class Initializers {
    private Initializers() {}

    public static final Initializer GLOROT_UNIFORM = uniform("glorot-uniform", (in, out) -> Math.sqrt(6.0 / (in + out)));

    public static final Initializer GLOROT_NORMAL = normal("glorot-normal", (in, out) -> Math.sqrt(2.0 / (in + out)));

    public static final Initializer HE_UNIFORM = uniform("he-uniform", (in, out) -> Math.sqrt(6.0 / in));

    public static final Initializer HE_NORMAL = normal("he-normal", (in, out) -> Math.sqrt(2.0 / in));

    public static final Initializer LECUN_UNIFORM = uniform("lecun-uniform", (in, out) -> Math.sqrt(3.0 / in));

    public static final Initializer LECUN_NORMAL = normal("lecun-normal", (in, out) -> Math.sqrt(1.0 / in));

    public static final Initializer ZEROS = new Initializer() {
        public Tensor create(Shape shape, int fanIn, int fanOut, SplittableRandom random) { return Tensor.zeros(shape); }
        public String id() { return "zeros"; }
        public String displayName() { return CatalogText.name("initializer", id()); }
        public String description() { return CatalogText.description("initializer", id()); }
    };

    /** Every value the same (0.1 unless a layer sets another value through {@link Initializer#configured}). */
    public static final Initializer CONSTANT = constant(0.1);

    public static final Catalog<Initializer> CATALOG = new Catalog<>("initializer",
            GLOROT_UNIFORM, GLOROT_NORMAL, HE_UNIFORM, HE_NORMAL, LECUN_UNIFORM, LECUN_NORMAL, ZEROS, CONSTANT);

    /** A constant initialiser with the given value (the catalog entry uses 0.1). */
    public static Initializer constant(double value) {
        return new Initializer() {
            public Tensor create(Shape shape, int fanIn, int fanOut, SplittableRandom random) { return Tensor.filled(shape, (float) value); }
            public String id() { return "constant"; }
            public String displayName() { return CatalogText.name("initializer", id()); }
            public String description() { return CatalogText.description("initializer", id()); }
            public List<ParamSpec> params() {
                return List.of(CatalogText.of("initializer.constant").real("value", value, -1e6, 1e6));
            }
            public Initializer configured(Params settings) { return constant(settings.getDouble("value")); }
        };
    }

    private interface Scale { double of(int fanIn, int fanOut); }

    private static Initializer uniform(String id, Scale limit) {
        return new Initializer() {
            public Tensor create(Shape shape, int fanIn, int fanOut, SplittableRandom random) {
                return Tensor.uniform(shape, limit.of(fanIn, fanOut), random);
            }
            public String id() { return id; }
            public String displayName() { return CatalogText.name("initializer", id); }
            public String description() { return CatalogText.description("initializer", id); }
        };
    }

    private static Initializer normal(String id, Scale std) {
        return new Initializer() {
            public Tensor create(Shape shape, int fanIn, int fanOut, SplittableRandom random) {
                double s = std.of(fanIn, fanOut);
                float[] d = new float[shape.size()];
                for (int i = 0; i < d.length; i++) {
                    double u = 1 - random.nextDouble(), v = random.nextDouble();
                    d[i] = (float) (s * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
                }
                return new Tensor(shape, d);
            }
            public String id() { return id; }
            public String displayName() { return CatalogText.name("initializer", id); }
            public String description() { return CatalogText.description("initializer", id); }
        };
    }
}
