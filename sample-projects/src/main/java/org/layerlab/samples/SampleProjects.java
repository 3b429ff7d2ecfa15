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
    public record Sample(String fileName, String title, String metric, double minimum) {
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
    public static final Sample TWO_CLUSTERS = new Sample("two-clusters.layerlab", "Two clusters (linear)", "val_accuracy", 0.95);

    public static List<Sample> all() { return List.of(TWO_SPIRALS, CIRCLE, XOR, TWO_CLUSTERS); }

    public static Sample defaultSample() { return TWO_SPIRALS; }
}
