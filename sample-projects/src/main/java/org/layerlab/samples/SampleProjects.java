package org.layerlab.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The bundled example projects, as resources; the default one opens when the app starts. */
public final class SampleProjects {
    private SampleProjects() {}

    /**
     * A bundled sample: its resource file name, a title for menus, and the result it is stated to reach with its
     * own settings ({@code metric} at least {@code minimum}), which the sample tests check.
     */
    public record Sample(String fileName, String title, String metric, double minimum, String needsFilesOf) {
        /** A sample that needs no files besides itself and LayerLab's bundled data. */
        public Sample(String fileName, String title, String metric, double minimum) { this(fileName, title, metric, minimum, null); }

        /** The project file's JSON text. */
        public String json() {
            try (InputStream in = SampleProjects.class.getResourceAsStream(fileName)) {
                if (in == null) throw new IllegalStateException("sample " + fileName + " is missing from the build");
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static final Sample TWO_SPIRALS = new Sample("two-spirals.layerlab", "Two spirals (MLP)", "accuracy", 0.95);
    public static final Sample CIRCLE = new Sample("circle.layerlab", "Circle (one hidden layer)", "val_accuracy", 0.90);
    public static final Sample XOR = new Sample("xor.layerlab", "Exclusive or (one hidden layer)", "val_accuracy", 0.88);
    public static final Sample CIRCLE_FEATURES = new Sample("circle-features.layerlab", "Circle from feature inputs (no hidden layer)", "val_accuracy", 0.90);
    public static final Sample SPIRALS_FEATURES = new Sample("spirals-features.layerlab", "Spirals from feature inputs (no hidden layer)", "accuracy", 0.58);
    public static final Sample TWO_CLUSTERS = new Sample("two-clusters.layerlab", "Two clusters (linear)", "val_accuracy", 0.95);

    public static final Sample IRIS = new Sample("iris-mlp.layerlab", "Iris flowers (MLP)", "test_accuracy", 0.90);
    public static final Sample DIGITS_MLP = new Sample("digits-mlp.layerlab", "8×8 digits (MLP)", "test_accuracy", 0.93);
    public static final Sample DIGITS_CNN = new Sample("digits-cnn.layerlab", "8×8 digits (small CNN)", "test_accuracy", 0.95);
    public static final Sample GAUSSIAN_REGRESSION = new Sample("gaussian-regression.layerlab", "Landscape of bumps (regression)", "val_r2", 0.90);
    public static final Sample RESIDUAL_DIGITS = new Sample("residual-digits.layerlab", "8×8 digits (residual block)", "test_accuracy", 0.93);
    public static final Sample SINE = new Sample("sine-regression.layerlab", "Sine curve (regression)", "val_r2", 0.90);
    public static final Sample DRAWN = new Sample("drawn-arcs.layerlab", "Drawn arcs (your own points)", "accuracy", 0.95);
    /** These need the Fashion-MNIST files (Debian's dataset-fashion-mnist, or LayerLab's download cache). */
    public static final Sample FASHION_MLP = new Sample("fashion-mnist-mlp.layerlab", "Fashion-MNIST (MLP)", "test_accuracy", 0.80, "fashion-mnist");
    public static final Sample FASHION_LENET = new Sample("fashion-mnist-lenet5.layerlab", "Fashion-MNIST (LeNet-5)", "test_accuracy", 0.75, "fashion-mnist");

    public static List<Sample> all() {
        return List.of(TWO_SPIRALS, CIRCLE, CIRCLE_FEATURES, SPIRALS_FEATURES, XOR, TWO_CLUSTERS, IRIS, DIGITS_MLP, DIGITS_CNN, RESIDUAL_DIGITS, SINE,
                GAUSSIAN_REGRESSION, DRAWN, FASHION_MLP, FASHION_LENET);
    }

    public static Sample defaultSample() { return TWO_SPIRALS; }
}
