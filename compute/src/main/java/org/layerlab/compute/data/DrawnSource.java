package org.layerlab.compute.data;

import java.util.ArrayList;
import java.util.List;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.tensor.Tensor;

/**
 * Points the user drew on a 2-D canvas, stored in the project file: for classification each point's value is its
 * class (0 = A, 1 = B, …), for regression the value to learn.
 */
public final class DrawnSource implements DataSource {
    public static final String ID = "drawn";
    public static final int MAX_CLASSES = 8;
    public static final int MAX_POINTS = 100_000;

    private static final List<ParamSpec> PARAMS = List.of(
            SourceText.choice("drawn", "problem", "classification", List.of("classification", "regression")),
            SourceText.integer("drawn", "classes", 2, 2, MAX_CLASSES));

    @Override public String id() { return ID; }
    @Override public String displayName() { return SourceText.name(ID); }
    @Override public String description() { return SourceText.about(ID); }
    @Override public List<ParamSpec> params() { return PARAMS; }
    @Override public Group group() { return Group.DRAWN; }
    @Override public Shape sampleShape(Params p) { return Shape.of(2); }
    @Override public boolean regression(Params p) { return "regression".equals(p.getString("problem")); }

    /** The class names for {@code classes} classes: A, B, C, … */
    public static List<String> classNames(int classes) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) names.add(String.valueOf((char) ('A' + c)));
        return names;
    }

    @Override public LoadedData load(Params p, DataContext ctx) throws DataException {
        List<DrawnPoint> points = ctx.points();
        if (points.isEmpty()) throw new DataException(null, null, DataText.get("drawn.empty"));
        if (points.size() > MAX_POINTS) throw new DataException(null, null, DataText.get("drawn.tooMany", points.size(), MAX_POINTS));
        boolean regression = regression(p);
        int classes = p.getInt("classes");
        int n = points.size();
        float[] x = new float[2 * n];
        int[] labels = regression ? null : new int[n];
        float[] targets = regression ? new float[n] : null;
        for (int i = 0; i < n; i++) {
            DrawnPoint d = points.get(i);
            x[2 * i] = (float) d.x();
            x[2 * i + 1] = (float) d.y();
            if (regression) targets[i] = (float) d.value();
            else {
                int c = (int) d.value();
                if (c != d.value() || c < 0 || c >= classes) {
                    throw new DataException(null, DataText.get("drawn.place", i + 1), DataText.get("drawn.badClass", d.value(), classes - 1));
                }
                labels[i] = c;
            }
        }
        return LoadedData.of(new Dataset(displayName(), Tensor.of(x, n, 2), labels, targets,
                regression ? List.of() : classNames(classes), List.of("x", "y")));
    }
}
