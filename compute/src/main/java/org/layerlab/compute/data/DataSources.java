package org.layerlab.compute.data;

import org.layerlab.compute.catalog.Catalog;

/**
 * Every kind of data set LayerLab can train on, in the order the Data panel lists them. Project files name a source
 * by its id; its settings are declared by the source.
 */
public final class DataSources {
    private DataSources() {}

    public static final DrawnSource DRAWN = new DrawnSource();
    public static final IdxSource IDX = new IdxSource();
    public static final CsvSource CSV = new CsvSource();
    public static final ImageFolderSource IMAGE_FOLDER = new ImageFolderSource();

    public static final Catalog<DataSource> CATALOG = new Catalog<>("data source",
            DatasetGenerators.TWO_SPIRALS, DatasetGenerators.CIRCLES, DatasetGenerators.XOR, DatasetGenerators.GAUSSIANS,
            DatasetGenerators.MOONS, DatasetGenerators.PLANE, DatasetGenerators.MULTI_GAUSSIAN, DatasetGenerators.SINE,
            DRAWN, CSV, IDX, IMAGE_FOLDER, BundledSource.IRIS, BundledSource.DIGITS, NamedIdxSource.MNIST, NamedIdxSource.FASHION_MNIST);
}
