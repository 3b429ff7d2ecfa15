package org.layerlab.compute.nn;

import java.util.List;
import java.util.SplittableRandom;
import org.layerlab.compute.catalog.CatalogEntry;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.tensor.Tensor;

/** A weight initialiser; always seeded, so a run can be repeated bit for bit. */
public interface Initializer extends CatalogEntry {
    Tensor create(Shape shape, int fanIn, int fanOut, SplittableRandom random);

    @Override default List<ParamSpec> params() { return List.of(); }

    @Override default Initializer configured(Params settings) { return this; }
}
