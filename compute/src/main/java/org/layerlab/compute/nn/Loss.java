package org.layerlab.compute.nn;

import java.util.List;
import org.layerlab.compute.autodiff.Var;
import org.layerlab.compute.catalog.CatalogEntry;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.data.Batch;
import org.layerlab.compute.tensor.Tensor;

/** A training objective paired with how the network's raw output is read as a prediction. */
public interface Loss extends CatalogEntry {
    /** Mean loss over the batch, as a scalar on the tape. */
    Var compute(Var output, Batch batch);

    /** Whether outputs are read as classes (accuracy applies). */
    boolean classification();

    /** The predicted class of each row of the raw output; only for classification losses. */
    default int[] predictClasses(Tensor output) {
        throw new UnsupportedOperationException(id() + " is not a classification loss");
    }

    /**
     * How sure the network is of each class, row by row ({@code classes} values per row, summing to 1), read from the
     * raw output as this loss reads it; only for classification losses.
     */
    default float[] classProbabilities(Tensor output) {
        throw new UnsupportedOperationException(id() + " is not a classification loss");
    }

    @Override default List<ParamSpec> params() { return List.of(); }

    @Override default Loss configured(Params settings) { return this; }
}
