package org.layerlab.compute.catalog;

import java.util.List;
import java.util.Map;
import org.layerlab.compute.text.Messages;

/**
 * The catalogs' texts by reference: a declaration carries a reference to a bundle text ("@catalog:dense.units"), not
 * the English text, and {@link #resolve} reads it in the current language at each call, so a switch of language at
 * run time relabels names, settings and explanations. {@code catalog} is bundle
 * {@code org.layerlab.compute.i18n.catalog} (activations, losses, optimizers, schedules, initialisers and the
 * settings of layers and of those entries), {@code training} the run settings', {@code datasources} the data sources'.
 * A text that is not a reference (a test's own declaration) reads as it is.
 */
public final class CatalogText {
    private static final String MARK = "@";
    private static final Map<String, Messages> BUNDLES = Map.of(
            "catalog", Messages.of("org.layerlab.compute.i18n.catalog", CatalogText.class),
            "training", Messages.of("org.layerlab.compute.i18n.training", CatalogText.class),
            "datasources", Messages.of("org.layerlab.compute.i18n.datasources", CatalogText.class));

    private final String owner;

    private CatalogText(String owner) { this.owner = owner; }

    /** Declarations of settings owned by {@code owner} ("dense", "optimizer", "huber"), keyed "{@code owner}.{@code setting}". */
    public static CatalogText of(String owner) { return new CatalogText(owner); }

    /** A reference to {@code key} of bundle {@code bundle} ("catalog", "training", "datasources"). */
    public static String ref(String bundle, String key) {
        if (!BUNDLES.containsKey(bundle)) throw new IllegalArgumentException("no catalog bundle '" + bundle + "'");
        return MARK + bundle + ":" + key;
    }

    /** Whether {@code text} is a reference made by {@link #ref}. */
    public static boolean isRef(String text) {
        if (text == null || !text.startsWith(MARK)) return false;
        int colon = text.indexOf(':');
        return colon > 0 && BUNDLES.containsKey(text.substring(MARK.length(), colon));
    }

    /** The bundle and key a reference names, e.g. ["catalog", "dense.units"]; null for plain text. */
    public static List<String> parts(String text) {
        if (!isRef(text)) return null;
        int colon = text.indexOf(':');
        return List.of(text.substring(MARK.length(), colon), text.substring(colon + 1));
    }

    /** {@code text} in the current language when it is a reference, else as it is. */
    public static String resolve(String text) {
        List<String> p = parts(text);
        return p == null ? text : BUNDLES.get(p.get(0)).text(p.get(1));
    }

    /** Whether the bundle a reference names has its key (in the current language); true for plain text. */
    public static boolean exists(String text) {
        List<String> p = parts(text);
        return p == null || BUNDLES.get(p.get(0)).has(p.get(1));
    }

    /** The name of catalog entry {@code id} of a kind ("activation.relu.name"), in the current language. */
    public static String name(String kind, String id) { return BUNDLES.get("catalog").text(kind + "." + id + ".name"); }

    /** The explanation of catalog entry {@code id} of a kind ("activation.relu.description"), in the current language. */
    public static String description(String kind, String id) { return BUNDLES.get("catalog").text(kind + "." + id + ".description"); }

    /** The reference to this owner's setting's label: "@catalog:dense.units". */
    public String label(String setting) { return ref("catalog", owner + "." + setting); }

    /** The reference to this owner's setting's explanation: "@catalog:dense.units.about". */
    public String about(String setting) { return ref("catalog", owner + "." + setting + ".about"); }

    public ParamSpec integer(String name, int def, int min, int max) {
        return ParamSpec.integer(name, label(name), def, min, max, about(name));
    }

    public ParamSpec real(String name, double def, double min, double max) {
        return ParamSpec.real(name, label(name), def, min, max, about(name));
    }

    public ParamSpec bool(String name, boolean def) {
        return ParamSpec.bool(name, label(name), def, about(name));
    }

    public ParamSpec shape(String name, List<Integer> def) {
        return ParamSpec.shape(name, label(name), def, about(name));
    }

    public ParamSpec text(String name, String def) {
        return ParamSpec.text(name, label(name), def, about(name));
    }

    /** A choice whose every option's label is "{@code owner}.{@code name}.{@code choice}" in the catalog bundle. */
    public ParamSpec choice(String name, String def, List<String> choices) {
        return ParamSpec.choice(name, label(name), def, choices, about(name))
                .withChoiceLabels(choices.stream().map(c -> ref("catalog", owner + "." + name + "." + c)).toList());
    }
}
