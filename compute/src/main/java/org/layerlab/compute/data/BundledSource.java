package org.layerlab.compute.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.layerlab.compute.catalog.InvalidParamException;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.tensor.Shape;

/**
 * A small data set shipped with LayerLab as a CSV resource of the {@code sample-projects} module (Iris, the UCI 8×8
 * digits; see {@code org/layerlab/samples/data/LICENSE-DATA.md}). It is found on the class path, so the engine does
 * not depend on the samples module.
 */
public final class BundledSource implements DataSource {
    public static final String RESOURCES = "org/layerlab/samples/data/";

    private final String id, name, description, resource;
    private final List<ParamSpec> params;
    private final Map<String, Object> csvSettings;
    private final Shape image;

    /**
     * @param csvSettings how {@link CsvSource} reads the resource (label column, header, …)
     * @param image       the sample shape of the image layout (pixels / {@code 16}), or null for a table
     */
    private BundledSource(String id, String name, String description, String resource, List<ParamSpec> params,
                          Map<String, Object> csvSettings, Shape image) {
        this.id = id;
        this.name = name;
        this.description = description;
        this.resource = resource;
        this.params = params;
        this.csvSettings = csvSettings;
        this.image = image;
    }

    public static final BundledSource IRIS = new BundledSource("iris", SourceText.name("iris"), SourceText.about("iris"), "iris.csv",
            List.of(SourceText.choice("iris", "normalize", Normalization.STANDARDIZE, Normalization.METHODS)),
            Map.of("label", "species", "header", "yes", "delimiter", "comma"), null);

    public static final BundledSource DIGITS = new BundledSource("digits", SourceText.name("digits"), SourceText.about("digits"), "digits.csv.gz",
            List.of(IdxSource.LAYOUT), Map.of("label", "65", "header", "no", "delimiter", "comma", "problem", "classification"), Shape.of(1, 8, 8));

    @Override public String id() { return id; }
    // Read at each call, not kept from class loading: a switch of language renames the source too.
    @Override public String displayName() { return SourceText.name(id()); }
    @Override public String description() { return SourceText.about(id()); }
    @Override public List<ParamSpec> params() { return params; }
    @Override public Group group() { return Group.NAMED; }

    @Override public Shape sampleShape(Params p) {
        if (image == null) return null;
        return "flat".equals(p.getString("layout")) ? Shape.of(image.size()) : image;
    }

    @Override public LoadedData load(Params p, DataContext ctx) throws DataException {
        byte[] bytes;
        ClassLoader cl = Thread.currentThread().getContextClassLoader() != null ? Thread.currentThread().getContextClassLoader() : BundledSource.class.getClassLoader();
        try (InputStream raw = cl.getResourceAsStream(RESOURCES + resource)) {
            if (raw == null) throw new DataException(resource, null, DataText.get("bundled.missing"));
            try (InputStream in = resource.endsWith(".gz") ? new GZIPInputStream(raw) : raw) { bytes = in.readAllBytes(); }
        } catch (IOException e) {
            throw new DataException(resource, null, DataText.get("file.cannotRead", e.getMessage()));
        }
        Params csv;
        try {
            csv = Params.of(DataSources.CSV.params(), csvSettings);
        } catch (InvalidParamException e) {
            throw new IllegalStateException("bundled set " + id + ": " + e.getMessage(), e);
        }
        Dataset d = CsvSource.toDataset(CsvTable.parse(bytes, resource, ',', csv.getString("header").equals("yes")), csv, ctx).named(name);
        if (image != null) {
            // counts 0…16 as 0…1, like the pixels of the other image sets
            float[] x = d.x().data();
            for (int i = 0; i < x.length; i++) x[i] /= 16f;
            d = d.reshapedSamples(sampleShape(p)).withFeatureNames(List.of());
        }
        return LoadedData.of(d);
    }
}
