package org.layerlab.compute.project;

import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.data.Dataset;
import org.layerlab.compute.data.DatasetGenerators;

/** Which data set a project trains on: a generator id and its checked settings. */
public record DatasetSpec(String generator, Params params) {
    public Dataset create() { return DatasetGenerators.CATALOG.get(generator).generate(params); }
}
