package org.layerlab.compute.data;

import java.util.List;
import java.util.SplittableRandom;
import org.layerlab.compute.catalog.Catalog;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.tensor.Tensor;

/**
 * The teaching data sets: 2-D classification (two classes each) and regression (plane, multi-Gaussian, 1-D sine).
 * Points lie roughly in [-5, 5]² (a range tanh units resolve well); regression targets lie roughly in [-1, 1].
 */
public final class DatasetGenerators {
    private DatasetGenerators() {}

    private static final double RADIUS = 5;

    private static final List<ParamSpec> COMMON = List.of(
            SourceText.integer("generator", "samples", 400, 10, 100_000),
            SourceText.real("generator", "noise", 0.0, 0.0, 2.0),
            SourceText.integer("generator", "seed", 1, 0, Integer.MAX_VALUE));

    /** Fills one point for sample i of n, class label given; returns nothing, writes xy[0], xy[1]. */
    private interface PointRule { int point(int i, int n, SplittableRandom rng, double[] xy); }

    public static final DatasetGenerator TWO_SPIRALS = generator("two-spirals",
            (i, n, rng, xy) -> {
                int label = i % 2;
                double f = (double) (i / 2) / (n / 2.0);
                double r = RADIUS * f, t = 1.75 * f * 2 * Math.PI + label * Math.PI;
                xy[0] = r * Math.sin(t);
                xy[1] = r * Math.cos(t);
                return label;
            });

    public static final DatasetGenerator CIRCLES = generator("circles",
            (i, n, rng, xy) -> {
                int label = i % 2;
                double r = label == 0 ? rng.nextDouble() * 0.5 * RADIUS : (0.7 + rng.nextDouble() * 0.3) * RADIUS;
                double a = rng.nextDouble() * 2 * Math.PI;
                xy[0] = r * Math.cos(a);
                xy[1] = r * Math.sin(a);
                return label;
            });

    public static final DatasetGenerator XOR = generator("xor",
            (i, n, rng, xy) -> {
                double x = (rng.nextDouble() * 2 - 1) * RADIUS, y = (rng.nextDouble() * 2 - 1) * RADIUS;
                double pad = 0.3; // keep points off the axes so the classes are clean
                xy[0] = x + Math.signum(x) * pad;
                xy[1] = y + Math.signum(y) * pad;
                return x * y >= 0 ? 0 : 1;
            });

    public static final DatasetGenerator GAUSSIANS = generator("gaussians",
            (i, n, rng, xy) -> {
                int label = i % 2;
                double c = label == 0 ? -2 : 2;
                xy[0] = c + gaussian(rng);
                xy[1] = c + gaussian(rng);
                return label;
            });

    public static final DatasetGenerator MOONS = generator("moons",
            (i, n, rng, xy) -> {
                int label = i % 2;
                double t = rng.nextDouble() * Math.PI;
                // scikit-learn's make_moons, scaled from about [-1, 2]×[-0.5, 1] to the common range
                double x = label == 0 ? Math.cos(t) : 1 - Math.cos(t);
                double y = label == 0 ? Math.sin(t) : 0.5 - Math.sin(t);
                xy[0] = (x - 0.5) * 3.2;
                xy[1] = (y - 0.25) * 3.2;
                return label;
            });

    /** A target rule for the regression sets: the value at a clean point. */
    private interface TargetRule { double value(double x, double y); }

    public static final DatasetGenerator PLANE = regression("plane",
            (x, y) -> (x + y) / (2 * RADIUS));

    /** Centres and signs of the multi-Gaussian's bumps (as in TensorFlow Playground). */
    private static final double[][] BUMPS = {{-4, 2.5, 1}, {0, 2.5, -1}, {4, 2.5, 1}, {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}};

    public static final DatasetGenerator MULTI_GAUSSIAN = regression("multi-gaussian",
            (x, y) -> {
                double v = 0;
                for (double[] b : BUMPS) {
                    double dx = x - b[0], dy = y - b[1];
                    v += b[2] * Math.exp(-(dx * dx + dy * dy) / 2);
                }
                return Math.max(-1, Math.min(1, v));
            });

    public static final DatasetGenerator SINE = sine();

    public static final Catalog<DatasetGenerator> CATALOG = new Catalog<>("data set generator",
            TWO_SPIRALS, CIRCLES, XOR, GAUSSIANS, MOONS, PLANE, MULTI_GAUSSIAN, SINE);

    private static DatasetGenerator generator(String id, PointRule rule) {
        return new DatasetGenerator() {
            public String id() { return id; }
            public String displayName() { return SourceText.name(id); }
            public String description() { return SourceText.about(id); }
            public List<ParamSpec> params() { return COMMON; }
            public Group group() { return Group.TEACHING; }
            public Shape sampleShape(Params p) { return Shape.of(2); }
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
                return new Dataset(SourceText.name(id), Tensor.of(x, n, 2), labels, null, List.of("A", "B"), List.of("x", "y"));
            }
        };
    }

    /** A 2-D regression set: points uniform in the square, the target from the clean point, the noise on the point. */
    private static DatasetGenerator regression(String id, TargetRule rule) {
        return new DatasetGenerator() {
            public String id() { return id; }
            public String displayName() { return SourceText.name(id); }
            public String description() { return SourceText.about(id); }
            public List<ParamSpec> params() { return COMMON; }
            public Group group() { return Group.REGRESSION; }
            public Shape sampleShape(Params p) { return Shape.of(2); }
            public boolean regression(Params p) { return true; }
            public Dataset generate(Params p) {
                int n = p.getInt("samples");
                double noise = p.getDouble("noise");
                SplittableRandom rng = new SplittableRandom(p.getInt("seed"));
                float[] x = new float[n * 2], t = new float[n];
                for (int i = 0; i < n; i++) {
                    double px = (rng.nextDouble() * 2 - 1) * RADIUS, py = (rng.nextDouble() * 2 - 1) * RADIUS;
                    t[i] = (float) rule.value(px, py);
                    x[2 * i] = (float) (px + noise * gaussian(rng));
                    x[2 * i + 1] = (float) (py + noise * gaussian(rng));
                }
                return new Dataset(SourceText.name(id), Tensor.of(x, n, 2), null, t, List.of(), List.of("x", "y"));
            }
        };
    }

    /** y = sin(x) on [-5, 5], the noise on the value: the smallest regression there is (one input, one output). */
    private static DatasetGenerator sine() {
        return new DatasetGenerator() {
            public String id() { return "sine"; }
            public String displayName() { return SourceText.name("sine"); }
            public String description() { return SourceText.about("sine"); }
            public List<ParamSpec> params() { return COMMON; }
            public Group group() { return Group.REGRESSION; }
            public Shape sampleShape(Params p) { return Shape.of(1); }
            public boolean regression(Params p) { return true; }
            public Dataset generate(Params p) {
                int n = p.getInt("samples");
                double noise = p.getDouble("noise");
                SplittableRandom rng = new SplittableRandom(p.getInt("seed"));
                float[] x = new float[n], t = new float[n];
                for (int i = 0; i < n; i++) {
                    double px = (rng.nextDouble() * 2 - 1) * RADIUS;
                    x[i] = (float) px;
                    t[i] = (float) (Math.sin(px) + noise * gaussian(rng));
                }
                return new Dataset(SourceText.name("sine"), Tensor.of(x, n, 1), null, t, List.of(), List.of("x"));
            }
        };
    }

    /** Box–Muller from a seeded generator (SplittableRandom has no nextGaussian on Java 17). */
    static double gaussian(SplittableRandom rng) {
        double u = 1 - rng.nextDouble(), v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
