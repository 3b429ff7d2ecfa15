package org.layerlab.compute.project;

import java.util.List;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.data.DataContext;
import org.layerlab.compute.data.DataException;
import org.layerlab.compute.data.DataSource;
import org.layerlab.compute.data.DataSources;
import org.layerlab.compute.data.DataSplit;
import org.layerlab.compute.data.Dataset;
import org.layerlab.compute.data.DrawnPoint;
import org.layerlab.compute.data.LoadedData;
import org.layerlab.compute.data.Normalization;
import org.layerlab.compute.data.Splits;

/**
 * Which data set a project trains on: a source from {@link DataSources#CATALOG} with its checked settings, how it is
 * split (checked {@link DataSplit#PARAMS}), the points of a drawn set, and the normalisation last fitted on its
 * training part (null when the source does not normalise or nothing was fitted yet).
 */
public record DatasetSpec(String source, Params params, Params split, List<DrawnPoint> points, Normalization normalization) {
    public DatasetSpec {
        DataSources.CATALOG.get(source);
        points = List.copyOf(points);
        if (split == null) split = DataSplit.defaults();
    }

    /** A source with its settings, the default split, no points. */
    public DatasetSpec(String source, Params params) {
        this(source, params, DataSplit.defaults(), List.of(), null);
    }

    /** The source's id (the name older files used). */
    public String generator() { return source; }

    public DataSource dataSource() { return DataSources.CATALOG.get(source); }

    /** All samples (and the source's own test part), read relative to {@code ctx}'s folder. */
    public LoadedData load(DataContext ctx) throws DataException {
        return dataSource().load(params, ctx.withPoints(points));
    }

    /** The split data, normalised with statistics of the training part, and this spec with those statistics. */
    public record Prepared(Splits splits, DatasetSpec spec) {}

    public Prepared prepare(DataContext ctx) throws DataException {
        Splits s = DataSplit.apply(load(ctx), split);
        String method = dataSource().normalization(params);
        if (Normalization.NONE.equals(method)) return new Prepared(s, withNormalization(null));
        Normalization fitted = Normalization.fit(s.train(), method);
        return new Prepared(fitted.apply(s), withNormalization(fitted));
    }

    /**
     * All samples of a source that needs no files (generators, drawn points), for callers without a project folder.
     * A source that fails to load throws IllegalArgumentException with the loader's message.
     */
    public Dataset create() {
        try {
            return load(DataContext.of(null)).data();
        } catch (DataException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * This data set with its file settings' relative names resolved against {@code folder} (the folder of the project
     * file they were read from), so the names stay right wherever the project is saved next. Null: as it is.
     */
    public DatasetSpec withFilesResolvedAgainst(java.nio.file.Path folder) {
        if (folder == null) return this;
        DataContext at = DataContext.of(folder);
        return withFileNames(name -> at.resolve(name).toAbsolutePath().normalize().toString());
    }

    /**
     * This data set as a project file in {@code folder} stores it: file names inside the folder relative to it
     * ("data/scores.csv"), others absolute ({@link DataContext#nameFor}). Null: as it is.
     */
    public DatasetSpec withFilesRelativeTo(java.nio.file.Path folder) {
        if (folder == null) return this;
        return withFileNames(name -> java.nio.file.Path.of(name).isAbsolute() ? DataContext.nameFor(java.nio.file.Path.of(name), folder) : name);
    }

    private DatasetSpec withFileNames(java.util.function.UnaryOperator<String> rename) {
        Params p = params;
        for (String setting : dataSource().fileSettings()) {
            String name = p.getString(setting);
            if (name.isBlank()) continue;
            try {
                p = p.with(setting, rename.apply(name));
            } catch (org.layerlab.compute.catalog.InvalidParamException | java.nio.file.InvalidPathException e) {
                // a name that is not a path on this system stays as it was: loading it says what is wrong
            }
        }
        return p == params ? this : new DatasetSpec(source, p, split, points, normalization);
    }

    public DatasetSpec withSource(String newSource, Params newParams) { return new DatasetSpec(newSource, newParams, split, points, null); }
    public DatasetSpec withParams(Params p) { return new DatasetSpec(source, p, split, points, null); }
    public DatasetSpec withSplit(Params s) { return new DatasetSpec(source, params, s, points, normalization); }
    public DatasetSpec withPoints(List<DrawnPoint> p) { return new DatasetSpec(source, params, split, p, normalization); }
    public DatasetSpec withNormalization(Normalization n) { return new DatasetSpec(source, params, split, points, n); }
}
