package org.layerlab.compute.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.catalog.Params;

/** An IDX image file with its label file (MNIST's format), and optionally a test pair that becomes the test split. */
public final class IdxSource implements DataSource {
    public static final String ID = "idx";

    static final ParamSpec LAYOUT = SourceText.choice("idx", "layout", "image", List.of("image", "flat"));
    static final ParamSpec LIMIT = SourceText.integer("idx", "limit", 1_000_000, 1, 100_000_000);

    private static final List<ParamSpec> PARAMS = List.of(
            SourceText.text("idx", "images", ""),
            SourceText.text("idx", "labels", ""),
            SourceText.text("idx", "testImages", ""),
            SourceText.text("idx", "testLabels", ""),
            SourceText.text("idx", "classes", ""),
            LAYOUT, LIMIT);

    @Override public String id() { return ID; }
    @Override public String displayName() { return SourceText.name(ID); }
    @Override public String description() { return SourceText.about(ID); }
    @Override public List<ParamSpec> params() { return PARAMS; }
    @Override public List<String> fileSettings() { return List.of("images", "labels", "testImages", "testLabels"); }
    @Override public Group group() { return Group.FILE; }

    @Override public LoadedData load(Params p, DataContext ctx) throws DataException {
        if (p.getString("images").isBlank()) throw new DataException(null, null, DataText.get("idx.noImages"));
        if (p.getString("labels").isBlank()) throw new DataException(p.getString("images"), null, DataText.get("idx.noLabels"));
        List<String> classes = p.getString("classes").isBlank() ? List.of()
                : Arrays.stream(p.getString("classes").split(",")).map(String::strip).toList();
        boolean flat = "flat".equals(p.getString("layout"));
        Path images = ctx.resolve(p.getString("images"));
        Dataset train = IdxFiles.read(images, ctx.resolve(p.getString("labels")), flat, p.getInt("limit"),
                images.getFileName().toString(), classes, ctx);
        Dataset test = null;
        if (!p.getString("testImages").isBlank()) {
            if (p.getString("testLabels").isBlank()) throw new DataException(p.getString("testImages"), null, DataText.get("idx.noLabels"));
            test = IdxFiles.read(ctx.resolve(p.getString("testImages")), ctx.resolve(p.getString("testLabels")), flat, Integer.MAX_VALUE,
                    train.name() + " (test)", train.classNames(), ctx);
            if (!test.sampleShape().equals(train.sampleShape())) {
                throw new DataException(p.getString("testImages"), null, DataText.get("idx.testShape", test.sampleShape(), train.sampleShape()));
            }
        }
        return new LoadedData(train, test);
    }
}
