package org.layerlab.compute.nn;

import org.layerlab.compute.catalog.CatalogText;
import org.layerlab.compute.autodiff.Elementwise;
import org.layerlab.compute.autodiff.Ops;
import org.layerlab.compute.autodiff.Var;
import org.layerlab.compute.catalog.Catalog;
import org.layerlab.compute.export.spec.OnnxNodes;
import org.layerlab.compute.export.spec.OnnxNodes.Attr;
import org.layerlab.compute.kernels.Vectors;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import java.util.List;

/** The activation catalog: every activation LayerLab knows, each declared once. */
public final class Activations {
    private Activations() {}

    private static final float LEAKY_SLOPE = 0.01f;

    /** The identity: returns its input itself, adding nothing to the tape. */
    public static final Activation LINEAR = new Activation() {
        @Override public Var apply(Var x) { return x; }
        @Override public String toOnnx(OnnxNodes onnx, String x) { return x; }
        @Override public String torchModule() { return ""; }
        @Override public String id() { return "linear"; }
        @Override public String displayName() { return CatalogText.name("activation", id()); }
        @Override public String description() { return CatalogText.description("activation", id()); }
    };

    public static final Activation RELU = Activation.elementwise("relu", Math.sqrt(2),
            Activation.Export.op("Relu", "nn.ReLU()"), new Elementwise() {
                public float apply(float x) { return x > 0 ? x : 0f; }
                public float derivative(float x, float y) { return x > 0 ? 1f : 0f; }
                public void applyAll(float[] x, float[] y) { for (int i = 0; i < x.length; i++) y[i] = Math.max(x[i], 0f); }
                public void applyInPlace(float[] v, int from, int to) {
                    // In vectors: the epilogue calls this on 32-float stretches of each tile, where the scalar loop
                    // (too short for C2's vectorised form) cost a tenth of a batch-256 inference. max is Math.max.
                    int i = from;
                    for (int end = from + Vectors.FLOAT.loopBound(to - from); i < end; i += Vectors.LANES) {
                        FloatVector.fromArray(Vectors.FLOAT, v, i).max(0f).intoArray(v, i);
                    }
                    for (; i < to; i++) v[i] = Math.max(v[i], 0f);
                }
                public boolean derivativeFromOutput() { return true; }
                public void backwardAll(float[] x, float[] y, float[] g, float[] gx) {
                    // Masked in vectors: the scalar loop's branch on the sign went wrong half the time (13 % of an
                    // MLP training step's forward and backward). Adds g or +0, exactly as the scalar rule does.
                    int i = 0;
                    for (int end = Vectors.FLOAT.loopBound(g.length); i < end; i += Vectors.LANES) {
                        FloatVector gv = FloatVector.fromArray(Vectors.FLOAT, g, i);
                        VectorMask<Float> off = FloatVector.fromArray(Vectors.FLOAT, x, i).compare(VectorOperators.GT, 0f).not();
                        FloatVector.fromArray(Vectors.FLOAT, gx, i).add(gv.blend(0f, off)).intoArray(gx, i);
                    }
                    for (; i < g.length; i++) gx[i] += x[i] > 0 ? g[i] : 0f;
                }
            });

    public static final Activation LEAKY_RELU = Activation.elementwise("leaky-relu", Math.sqrt(2 / (1 + LEAKY_SLOPE * LEAKY_SLOPE)),
            Activation.Export.op("LeakyRelu", "nn.LeakyReLU(" + LEAKY_SLOPE + ")", Attr.f("alpha", LEAKY_SLOPE)), new Elementwise() {
                public float apply(float x) { return x > 0 ? x : LEAKY_SLOPE * x; }
                public float derivative(float x, float y) { return x > 0 ? 1f : LEAKY_SLOPE; }
                public boolean derivativeFromOutput() { return true; } // y > 0 exactly when x > 0
            });

    public static final Activation ELU = Activation.elementwise("elu", 1.0,
            Activation.Export.op("Elu", "nn.ELU()", Attr.f("alpha", 1f)), new Elementwise() {
                public float apply(float x) { return x > 0 ? x : (float) Math.expm1(x); }
                public float derivative(float x, float y) { return x > 0 ? 1f : y + 1f; }
                public boolean derivativeFromOutput() { return true; } // y > 0 exactly when x > 0
            });

    public static final Activation GELU = Activation.elementwise("gelu", 1.0,
            // Gelu is an operator only from opset 20: x·½(1 + erf(x/√2)) in opset-17 operators.
            new Activation.Export((o, x) -> {
                String erf = o.op("Erf", List.of(o.op("Mul", List.of(x, o.floats(new float[] {(float) (1 / Math.sqrt(2))})))));
                String half = o.op("Mul", List.of(o.op("Add", List.of(erf, o.floats(new float[] {1f}))), o.floats(new float[] {0.5f})));
                return o.op("Mul", List.of(x, half));
            }, "nn.GELU()"), new Elementwise() {
                public float apply(float x) { return (float) (0.5 * x * (1 + Ops.erf(x / Math.sqrt(2)))); }
                public float derivative(float x, float y) {
                    double cdf = 0.5 * (1 + Ops.erf(x / Math.sqrt(2))), pdf = Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
                    return (float) (cdf + x * pdf);
                }
            });

    public static final Activation SILU = Activation.elementwise("silu", 1.0,
            new Activation.Export((o, x) -> o.op("Mul", List.of(x, o.op("Sigmoid", List.of(x)))), "nn.SiLU()"), new Elementwise() {
                public float apply(float x) { return x * Ops.sigmoid(x); }
                public float derivative(float x, float y) { float s = Ops.sigmoid(x); return s * (1 + x * (1 - s)); }
            });

    public static final Activation TANH = Activation.elementwise("tanh", 5.0 / 3,
            Activation.Export.op("Tanh", "nn.Tanh()"), new Elementwise() {
                public float apply(float x) { return tanh(x); }
                public float derivative(float x, float y) { return 1f - y * y; }
                public boolean derivativeFromOutput() { return true; }
                public void applyAll(float[] x, float[] y) { for (int i = 0; i < x.length; i++) y[i] = tanh(x[i]); }
                public void backwardAll(float[] x, float[] y, float[] g, float[] gx) {
                    for (int i = 0; i < g.length; i++) gx[i] += g[i] * (1f - y[i] * y[i]);
                }
            });

    /**
     * tanh from one {@code Math.exp} (a JIT intrinsic), in double and rounded to float. On JDK 17 {@code Math.tanh} is a
     * native call of about 75 ns, which made it most of a small network's training step (W1: 160 per step); this takes
     * about 7 ns and equals {@code (float) Math.tanh(x)} for all but 20 of the 1.1 billion floats in [0, 20] (those
     * differ by one ulp). Odd, so negative inputs mirror positive ones; NaN stays NaN, ±∞ gives ±1, −0 gives −0.
     */
    static float tanh(float x) {
        double a = Math.abs((double) x), t;
        if (a < 0x1p-10) t = a * (1 - a * a / 3); // the series: 1 − 2/(e^2a + 1) would cancel to few digits here
        else t = 1 - 2 / (Math.exp(2 * a) + 1);
        return (float) Math.copySign(t, x);
    }

    public static final Activation SIGMOID = Activation.elementwise("sigmoid", 1.0,
            Activation.Export.op("Sigmoid", "nn.Sigmoid()"), new Elementwise() {
                public float apply(float x) { return Ops.sigmoid(x); }
                public float derivative(float x, float y) { return y * (1f - y); }
                public boolean derivativeFromOutput() { return true; }
                public void applyAll(float[] x, float[] y) { for (int i = 0; i < x.length; i++) y[i] = Ops.sigmoid(x[i]); }
                public void backwardAll(float[] x, float[] y, float[] g, float[] gx) {
                    for (int i = 0; i < g.length; i++) gx[i] += g[i] * y[i] * (1f - y[i]);
                }
            });

    public static final Activation SOFTMAX = new Activation() {
        @Override public Var apply(Var x) { return Ops.softmax(x); }
        @Override public String toOnnx(OnnxNodes onnx, String x) { return onnx.op("Softmax", List.of(x), Attr.i("axis", -1)); }
        @Override public String torchModule() { return "nn.Softmax(dim=-1)"; }
        @Override public String id() { return "softmax"; }
        @Override public String displayName() { return CatalogText.name("activation", id()); }
        @Override public String description() { return CatalogText.description("activation", id()); }
    };

    public static final Catalog<Activation> CATALOG = new Catalog<>("activation",
            LINEAR, RELU, LEAKY_RELU, ELU, GELU, SILU, TANH, SIGMOID, SOFTMAX);
}
