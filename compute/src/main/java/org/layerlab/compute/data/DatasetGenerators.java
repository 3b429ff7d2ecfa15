package org.layerlab.compute.data;

import java.util.List;
import java.util.SplittableRandom;
import org.layerlab.compute.catalog.Catalog;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.tensor.Tensor;

/** The 2-D teaching data sets. Points lie roughly in [-5, 5]² (a range tanh units resolve well); two classes each. */
public final class DatasetGenerators {
    private DatasetGenerators() {}

    private static final double RADIUS = 5;

    private static final List<ParamSpec> COMMON = List.of(
            ParamSpec.integer("samples", "Samples", 400, 10, 100_000, "How many points to generate."),
            ParamSpec.real("noise", "Noise", 0.0, 0.0, 2.0, "Standard deviation of the jitter added to each point (the points span about −5…5)."),
            ParamSpec.integer("seed", "Seed", 1, 0, Integer.MAX_VALUE, "Fixes the random points, so the set is the same each time."));

    /** Fills one point for sample i of n, class label given; returns nothing, writes xy[0], xy[1]. */
    private interface PointRule { int point(int i, int n, SplittableRandom rng, double[] xy); }

    public static final DatasetGenerator TWO_SPIRALS = generator("two-spirals", "Two spirals",
            "Two interleaved spiral arms, one per class: the classic hard case that needs several hidden layers.",
            (i, n, rng, xy) -> {
                int label = i % 2;
                double f = (double) (i / 2) / (n / 2.0);
                double r = RADIUS * f, t = 1.75 * f * 2 * Math.PI + label * Math.PI;
                xy[0] = r * Math.sin(t);
                xy[1] = r * Math.cos(t);
                return label;
            });

    public static final DatasetGenerator CIRCLES = generator("circles", "Circle",
            "A disc of one class inside a ring of the other: not separable by a straight line.",
            (i, n, rng, xy) -> {
                int label = i % 2;
                double r = label == 0 ? rng.nextDouble() * 0.5 * RADIUS : (0.7 + rng.nextDouble() * 0.3) * RADIUS;
                double a = rng.nextDouble() * 2 * Math.PI;
                xy[0] = r * Math.cos(a);
                xy[1] = r * Math.sin(a);
                return label;
            });

    public static final DatasetGenerator XOR = generator("xor", "Exclusive or",
            "Points in four quadrants; opposite corners share a class, so one line cannot split them.",
            (i, n, rng, xy) -> {
                double x = (rng.nextDouble() * 2 - 1) * RADIUS, y = (rng.nextDouble() * 2 - 1) * RADIUS;
                double pad = 0.3; // keep points off the axes so the classes are clean
                xy[0] = x + Math.signum(x) * pad;
                xy[1] = y + Math.signum(y) * pad;
                return x * y >= 0 ? 0 : 1;
            });

    public static final DatasetGenerator GAUSSIANS = generator("gaussians", "Two clusters",
            "Two round clouds of points, one per class: separable by a straight line.",
            (i, n, rng, xy) -> {
                int label = i % 2;
                double c = label == 0 ? -2 : 2;
                xy[0] = c + gaussian(rng);
                xy[1] = c + gaussian(rng);
                return label;
            });

    public static final Catalog<DatasetGenerator> CATALOG = new Catalog<>("data set generator",
            TWO_SPIRALS, CIRCLES, XOR, GAUSSIANS);

    private static DatasetGenerator generator(String id, String name, String description, PointRule rule) {
        return new DatasetGenerator() {
            public String id() { return id; }
            public String displayName() { return name; }
            public String description() { return description; }
            public List<ParamSpec> params() { return COMMON; }
            public Dataset generate(Params p) {
                int n = p.getInt("samples");
                double noise = p.getDouble("noise");
                SplittableRandom rng = new SplittableRandom(p.getInt("seed"));
                float[] x = new float[n * 2];
                int[] labels = new int[n];
                double[] xy = new double[2];
                for (int i = 0; i < n; i++) {
                    labels[i] = rule.point(i, n, rng, xy);
                    x[2 * i] = (float) (xy[0] + noise * gaussian(rng));
                    x[2 * i + 1] = (float) (xy[1] + noise * gaussian(rng));
                }
                return new Dataset(name, Tensor.of(x, n, 2), labels, null, List.of("A", "B"));
            }
        };
    }

    /** Box–Muller from a seeded generator (SplittableRandom has no nextGaussian on Java 17). */
    static double gaussian(SplittableRandom rng) {
        double u = 1 - rng.nextDouble(), v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
