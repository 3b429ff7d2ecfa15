package org.layerlab.compute.data;

import java.util.Locale;
import org.layerlab.compute.text.Messages;

/** The data sources' user-visible text (bundle {@code org.layerlab.compute.i18n.data}). */
final class DataText {
    private static final Messages TEXT = Messages.of("org.layerlab.compute.i18n.data", DataText.class);

    private DataText() {}

    static String get(String key, Object... args) { return TEXT.get(key, args); }

    /** The pattern of {@code key} ready to format many times (column names of a wide table). */
    static java.text.MessageFormat format(String key) {
        String pattern = TEXT.get(key);
        return new java.text.MessageFormat(pattern.startsWith("!") ? key + " {0}" : pattern, java.util.Locale.getDefault());
    }

    /** A byte count people read ("1.2 GiB"). */
    static String bytes(long b) {
        if (b == Long.MAX_VALUE) return "> 8 EiB";
        if (b < 1024) return b + " B";
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double v = b;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) { v /= 1024; u++; }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
