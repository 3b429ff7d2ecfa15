package org.layerlab.compute.nn;

import org.layerlab.compute.catalog.CatalogEntry;
import org.layerlab.compute.catalog.Params;

/** The declaration of an optimizer: its hyperparameters and how to make one. */
public interface OptimizerType extends CatalogEntry {
    Optimizer create(Params p);
}
