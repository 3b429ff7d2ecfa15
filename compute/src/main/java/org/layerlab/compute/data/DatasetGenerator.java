package org.layerlab.compute.data;

import org.layerlab.compute.catalog.CatalogEntry;
import org.layerlab.compute.catalog.Params;

/** A synthetic data set recipe (spirals, circles, …) declared with its settings. */
public interface DatasetGenerator extends CatalogEntry {
    Dataset generate(Params p);
}
