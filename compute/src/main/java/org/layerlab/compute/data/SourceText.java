package org.layerlab.compute.data;

import java.util.List;
import org.layerlab.compute.catalog.CatalogText;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.text.Messages;

/**
 * The data-source catalog's names, descriptions and setting labels, from bundle
 * {@code org.layerlab.compute.i18n.datasources} (English and Simplified Chinese): {@code source.<id>} and
 * {@code source.<id>.about} for a source, {@code <group>.<setting>} and {@code <group>.<setting>.about} for a setting
 * shared by a group of sources (the generators' {@code samples}) or owned by one ({@code csv.file}), and
 * {@code <group>.<setting>.<choice>} for a choice's label.
 */
final class SourceText {
    private static final Messages TEXT = Messages.of("org.layerlab.compute.i18n.datasources", SourceText.class);

    private SourceText() {}

    static String name(String sourceId) { return text("source." + sourceId); }

    static String about(String sourceId) { return text("source." + sourceId + ".about"); }

    /** A text of the bundle as a MessageFormat pattern without arguments ("project''s" reads "project's"). */
    private static String text(String key) {
        return new java.text.MessageFormat(TEXT.get(key), java.util.Locale.getDefault()).format(new Object[0]);
    }

    static ParamSpec integer(String group, String name, int def, int min, int max) {
        return ParamSpec.integer(name, label(group, name), def, min, max, settingAbout(group, name));
    }

    static ParamSpec real(String group, String name, double def, double min, double max) {
        return ParamSpec.real(name, label(group, name), def, min, max, settingAbout(group, name));
    }

    static ParamSpec bool(String group, String name, boolean def) {
        return ParamSpec.bool(name, label(group, name), def, settingAbout(group, name));
    }

    static ParamSpec text(String group, String name, String def) {
        return ParamSpec.text(name, label(group, name), def, settingAbout(group, name));
    }

    /** A choice whose every option has its label in the bundle. */
    static ParamSpec choice(String group, String name, String def, List<String> choices) {
        return ParamSpec.choice(name, label(group, name), def, choices, settingAbout(group, name))
                .withChoiceLabels(choices.stream().map(c -> CatalogText.ref("datasources", group + "." + name + "." + c)).toList());
    }

    /** References, read in the current language whenever a label is shown (see {@link CatalogText}). */
    private static String label(String group, String name) { return CatalogText.ref("datasources", group + "." + name); }

    private static String settingAbout(String group, String name) { return CatalogText.ref("datasources", group + "." + name + ".about"); }
}
