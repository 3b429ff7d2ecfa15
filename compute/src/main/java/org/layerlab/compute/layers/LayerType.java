package org.layerlab.compute.layers;

import java.util.List;
import java.util.SplittableRandom;
import org.layerlab.compute.catalog.CatalogEntry;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.export.spec.OnnxNodes;
import org.layerlab.compute.export.spec.TorchCode;
import org.layerlab.compute.tensor.Shape;

/**
 * The single declaration of a layer kind. The palette, property sheet, shape inference, trainer, project files
 * and exporters all read it; nothing else switches on layer ids.
 */
public interface LayerType extends CatalogEntry {
    Category category();

    Arity arity();

    /** The output shape for these input shapes (per sample, no batch axis), or a message saying what to change. */
    Shape outputShape(List<Shape> inputs, Params p) throws ShapeException;

    /** Trainable parameter count for valid inputs. */
    default long parameterCount(List<Shape> inputs, Params p) { return 0; }

    /** Forward floating-point operations per sample for valid inputs (a multiply-add counts as two). */
    default long flops(List<Shape> inputs, Params p) { return 0; }

    /** Allocates and initialises the executable module for valid inputs. */
    Module build(List<Shape> inputs, Params p, SplittableRandom random);

    /** The key settings in a few characters for the canvas, e.g. "16 · Tanh". Empty when there is nothing to say. */
    default String summary(Params p) { return ""; }

    /**
     * Writes this layer's inference computation as standard ONNX operators and returns the name of its output.
     * {@code inputs} are the names of the input values (with a leading batch axis), {@code inputShapes} their per-sample
     * shapes. A catalog entry without an export fails the export guard test.
     */
    default String toOnnx(OnnxNodes onnx, List<String> inputs, List<Shape> inputShapes, Params p) {
        throw new UnsupportedOperationException("layer '" + id() + "' declares no ONNX export");
    }

    /** The PyTorch code of this layer for valid inputs (see {@link TorchCode}); guarded like {@link #toOnnx}. */
    default TorchCode toTorch(List<Shape> inputShapes, Params p) {
        throw new UnsupportedOperationException("layer '" + id() + "' declares no PyTorch code");
    }
}
