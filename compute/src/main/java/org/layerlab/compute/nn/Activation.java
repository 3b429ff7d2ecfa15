package org.layerlab.compute.nn;

import org.layerlab.compute.catalog.CatalogText;
import java.util.List;
import org.layerlab.compute.autodiff.Elementwise;
import org.layerlab.compute.autodiff.Ops;
import org.layerlab.compute.autodiff.Var;
import org.layerlab.compute.catalog.CatalogEntry;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.export.spec.OnnxNodes;

/** An activation function; declared once in {@link Activations}, used by Dense, Conv2D and the Activation layer. */
public interface Activation extends CatalogEntry {
    Var apply(Var x);

    /** The function applied element by element, or null when this activation is not one (identity, softmax). */
    default Elementwise elementwise() { return null; }

    /** The gain that keeps variance through the layer (for initialisers), as in PyTorch's calculate_gain. */
    default double gain() { return 1.0; }

    @Override default List<ParamSpec> params() { return List.of(); }

    /** Writes this function applied to value {@code x} as standard ONNX operators; returns the result's name. */
    String toOnnx(OnnxNodes onnx, String x);

    /** The PyTorch module computing this function ({@code nn.ReLU()}), or empty for the identity. */
    String torchModule();

    /** How an activation is written in ONNX (its operators) and PyTorch (its module), declared with it. */
    record Export(java.util.function.BiFunction<OnnxNodes, String, String> onnx, String torchModule) {
        /** A single ONNX operator with optional attributes. */
        public static Export op(String opType, String torchModule, OnnxNodes.Attr... attrs) {
            return new Export((o, x) -> o.op(opType, List.of(x), attrs), torchModule);
        }
    }

    /** An activation applied element by element, its derivative declared beside it. */
    static Activation elementwise(String id, double gain, Export export, Elementwise f) {
        return new Activation() {
            @Override public Var apply(Var x) { return Ops.map(x, f, id); }
            @Override public Elementwise elementwise() { return f; }
            @Override public String toOnnx(OnnxNodes onnx, String x) { return export.onnx().apply(onnx, x); }
            @Override public String torchModule() { return export.torchModule(); }
            @Override public double gain() { return gain; }
            @Override public String id() { return id; }
            @Override public String displayName() { return CatalogText.name("activation", id); }
            @Override public String description() { return CatalogText.description("activation", id); }
        };
    }
}
