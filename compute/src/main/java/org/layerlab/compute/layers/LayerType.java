package org.layerlab.compute.layers;

import java.util.List;
import java.util.SplittableRandom;
import org.layerlab.compute.catalog.CatalogEntry;
import org.layerlab.compute.catalog.Params;
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
}
