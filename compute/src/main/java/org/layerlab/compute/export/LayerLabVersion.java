package org.layerlab.compute.export;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** LayerLab's version as the build stamped it, for the files LayerLab writes ("producer" of an ONNX model). */
public final class LayerLabVersion {
    private LayerLabVersion() {}

    private static final String VERSION = load();

    public static String get() { return VERSION; }

    private static String load() {
        try (InputStream in = LayerLabVersion.class.getResourceAsStream("/org/layerlab/compute/layerlab-version.properties")) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
