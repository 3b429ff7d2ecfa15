package org.layerlab.compute.nn;

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

    public static final Initializer GLOROT_UNIFORM = uniform("glorot-uniform", "Glorot uniform",
            "Uniform in ±√(6/(fan_in+fan_out)); keeps signal size steady for tanh and sigmoid layers.",
            (in, out) -> Math.sqrt(6.0 / (in + out)));

    public static final Initializer GLOROT_NORMAL = normal("glorot-normal", "Glorot normal",
            "Normal with standard deviation √(2/(fan_in+fan_out)); the normal twin of Glorot uniform.",
            (in, out) -> Math.sqrt(2.0 / (in + out)));

    public static final Initializer HE_UNIFORM = uniform("he-uniform", "He uniform",
            "Uniform in ±√(6/fan_in); suited to ReLU layers, which zero half their inputs.",
            (in, out) -> Math.sqrt(6.0 / in));

    public static final Initializer HE_NORMAL = normal("he-normal", "He normal",
            "Normal with standard deviation √(2/fan_in); suited to ReLU layers.",
            (in, out) -> Math.sqrt(2.0 / in));

    public static final Initializer LECUN_UNIFORM = uniform("lecun-uniform", "LeCun uniform",
            "Uniform in ±√(3/fan_in); keeps unit variance for SELU-like and linear layers.",
            (in, out) -> Math.sqrt(3.0 / in));

    public static final Initializer LECUN_NORMAL = normal("lecun-normal", "LeCun normal",
            "Normal with standard deviation √(1/fan_in).",
            (in, out) -> Math.sqrt(1.0 / in));

    public static final Initializer ZEROS = new Initializer() {
        public Tensor create(Shape shape, int fanIn, int fanOut, SplittableRandom random) { return Tensor.zeros(shape); }
        public String id() { return "zeros"; }
        public String displayName() { return "Zeros"; }
        public String description() { return "All zeros; fine for biases, wrong for weights (all units would stay identical)."; }
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
            public String displayName() { return "Constant"; }
            public String description() { return "Every value the same; useful for biases (a small positive start keeps ReLUs alive)."; }
            public List<ParamSpec> params() {
                return List.of(ParamSpec.real("value", "Start value", value, -1e6, 1e6, "The value every weight starts at."));
            }
            public Initializer configured(Params settings) { return constant(settings.getDouble("value")); }
        };
    }

    private interface Scale { double of(int fanIn, int fanOut); }

    private static Initializer uniform(String id, String name, String description, Scale limit) {
        return new Initializer() {
            public Tensor create(Shape shape, int fanIn, int fanOut, SplittableRandom random) {
                return Tensor.uniform(shape, limit.of(fanIn, fanOut), random);
            }
            public String id() { return id; }
            public String displayName() { return name; }
            public String description() { return description; }
        };
    }

    private static Initializer normal(String id, String name, String description, Scale std) {
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
            public String displayName() { return name; }
            public String description() { return description; }
        };
    }
}
