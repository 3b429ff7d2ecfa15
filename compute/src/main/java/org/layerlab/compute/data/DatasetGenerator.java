package org.layerlab.compute.data;

import org.layerlab.compute.catalog.Params;

/** A synthetic data set recipe (spirals, circles, a sine curve, …) declared with its settings; it cannot fail. */
public interface DatasetGenerator extends DataSource {
    Dataset generate(Params p);

    @Override default LoadedData load(Params settings, DataContext context) throws DataException {
        context.reserve(null, (long) settings.getInt("samples") * 3);
        return LoadedData.of(generate(settings));
    }
}
