package org.layerlab.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The bundled example projects, as resources; the default one opens when the app starts. */
public final class SampleProjects {
    private SampleProjects() {}

    /** A bundled sample: its resource file name and a title for menus. */
    public record Sample(String fileName, String title) {
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

    public static final Sample TWO_SPIRALS = new Sample("two-spirals.layerlab", "Two spirals (MLP)");

    public static List<Sample> all() { return List.of(TWO_SPIRALS); }

    public static Sample defaultSample() { return TWO_SPIRALS; }
}
