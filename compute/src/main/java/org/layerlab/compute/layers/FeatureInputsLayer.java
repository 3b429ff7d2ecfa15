package org.layerlab.compute.layers;

import org.layerlab.compute.catalog.CatalogText;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.layerlab.compute.autodiff.PlaneFeatures;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.export.spec.OnnxNodes;
import org.layerlab.compute.export.spec.TorchCode;
import org.layerlab.compute.tensor.Shape;

/**
 * Expands a point of the plane (x₁, x₂) into chosen features, as TensorFlow Playground's inputs do: x₁, x₂, x₁², x₂²,
 * x₁·x₂, sin x₁, sin x₂. With x₁² and x₂² a single Output head separates a circle; with the sines, the spirals.
 * Each feature is declared once here with its derivatives, its ONNX operators and its PyTorch expression.
 */
public final class FeatureInputsLayer extends AbstractLayerType {
    public static final String ID = "features";

    /** One feature: its setting, what it computes (with derivatives), and how exporters write it. */
    enum Feature implements PlaneFeatures.Feature {
        X1("x1", "x₁", true, "", 0) {
            public float value(float a, float b) { return a; }
            public float byA(float a, float b) { return 1; }
            public float byB(float a, float b) { return 0; }
            String torch(String a, String b) { return a; }
        },
        X2("x2", "x₂", true, "", 1) {
            public float value(float a, float b) { return b; }
            public float byA(float a, float b) { return 0; }
            public float byB(float a, float b) { return 1; }
            String torch(String a, String b) { return b; }
        },
        X1_SQUARED("x1Squared", "x₁²", false, "Mul", 0, 0) {
            public float value(float a, float b) { return a * a; }
            public float byA(float a, float b) { return 2 * a; }
            public float byB(float a, float b) { return 0; }
            String torch(String a, String b) { return a + " * " + a; }
        },
        X2_SQUARED("x2Squared", "x₂²", false, "Mul", 1, 1) {
            public float value(float a, float b) { return b * b; }
            public float byA(float a, float b) { return 0; }
            public float byB(float a, float b) { return 2 * b; }
            String torch(String a, String b) { return b + " * " + b; }
        },
        PRODUCT("x1x2", "x₁·x₂", false, "Mul", 0, 1) {
            public float value(float a, float b) { return a * b; }
            public float byA(float a, float b) { return b; }
            public float byB(float a, float b) { return a; }
            String torch(String a, String b) { return a + " * " + b; }
        },
        SIN_X1("sinX1", "sin x₁", false, "Sin", 0) {
            public float value(float a, float b) { return (float) Math.sin(a); }
            public float byA(float a, float b) { return (float) Math.cos(a); }
            public float byB(float a, float b) { return 0; }
            String torch(String a, String b) { return "torch.sin(" + a + ")"; }
        },
        SIN_X2("sinX2", "sin x₂", false, "Sin", 1) {
            public float value(float a, float b) { return (float) Math.sin(b); }
            public float byA(float a, float b) { return 0; }
            public float byB(float a, float b) { return (float) Math.cos(b); }
            String torch(String a, String b) { return "torch.sin(" + b + ")"; }
        };

        final String setting, label;
        final boolean onByDefault;
        /** Its ONNX form: this operator ("" for the column itself) applied to these columns of the point (0: x₁, 1: x₂). */
        final String onnxOp;
        final int[] columns;

        Feature(String setting, String label, boolean onByDefault, String onnxOp, int... columns) {
            this.setting = setting;
            this.label = label;
            this.onByDefault = onByDefault;
            this.onnxOp = onnxOp;
            this.columns = columns;
        }

        /** The feature over the [N, 1] columns named in {@code column}; returns its [N, 1] output. */
        String onnx(OnnxNodes o, String[] column) {
            if (onnxOp.isEmpty()) return column[columns[0]];
            return o.op(onnxOp, java.util.Arrays.stream(columns).mapToObj(c -> column[c]).toList());
        }

        /** The feature as a PyTorch expression of the two [N] columns {@code a} and {@code b}. */
        abstract String torch(String a, String b);
    }

    public FeatureInputsLayer() {
        super(ID, Category.INPUT, Arity.ONE, declare());
    }

    private static List<ParamSpec> declare() {
        List<ParamSpec> s = new ArrayList<>();
        for (Feature f : Feature.values()) {
            s.add(CatalogText.of(ID).bool(f.setting, f.onByDefault));
        }
        return s;
    }

    /**
     * The setting of the feature whose ONNX form is {@code op} over {@code columns} (as this layer exports it), or null:
     * how the ONNX importer reads a feature back.
     */
    public static String settingOf(String op, int... columns) {
        for (Feature f : Feature.values()) if (f.onnxOp.equals(op) && java.util.Arrays.equals(f.columns, columns)) return f.setting;
        return null;
    }

    /** The layer's settings choosing exactly {@code features}, or null when they are not distinct and in declared order. */
    public static java.util.Map<String, Object> settingsChoosing(List<String> features) {
        java.util.Map<String, Object> p = new java.util.LinkedHashMap<>();
        int next = 0;
        for (Feature f : Feature.values()) {
            boolean on = next < features.size() && features.get(next).equals(f.setting);
            if (on) next++;
            p.put(f.setting, on);
        }
        return next == features.size() ? p : null;
    }

    static List<Feature> chosen(Params p) {
        return java.util.Arrays.stream(Feature.values()).filter(f -> p.getBoolean(f.setting)).toList();
    }

    @Override public Shape outputShape(List<Shape> inputs, Params p) throws ShapeException {
        Shape in = single(inputs);
        if (in.rank() != 1 || in.dim(0) != 2) {
            throw new ShapeException(ShapeText.get("features.plane", in));
        }
        int n = chosen(p).size();
        if (n == 0) throw new ShapeException(ShapeText.get("features.none"));
        return Shape.of(n);
    }

    @Override public long flops(List<Shape> inputs, Params p) { return 2L * chosen(p).size(); }

    @Override public Module build(List<Shape> inputs, Params p, SplittableRandom random) {
        List<Feature> features = chosen(p);
        return (x, ctx) -> PlaneFeatures.expand(x.get(0), features);
    }

    @Override public String summary(Params p) {
        return String.join(" ", chosen(p).stream().map(f -> f.label).toList());
    }

    @Override public String toOnnx(OnnxNodes onnx, List<String> inputs, List<Shape> inputShapes, Params p) {
        String x = inputs.get(0);
        String[] column = new String[2];
        for (int c = 0; c < 2; c++) column[c] = onnx.op("Slice", List.of(x, onnx.int64s(c), onnx.int64s(c + 1), onnx.int64s(1)));
        List<String> parts = chosen(p).stream().map(f -> f.onnx(onnx, column)).toList();
        return onnx.op("Concat", parts, OnnxNodes.Attr.i("axis", 1));
    }

    @Override public TorchCode toTorch(List<Shape> inputShapes, Params p) {
        String a = "{0}[:, 0]", b = "{0}[:, 1]";
        return TorchCode.expression("torch.stack([" + String.join(", ", chosen(p).stream().map(f -> f.torch(a, b)).toList()) + "], dim=1)");
    }
}
