package org.layerlab.compute.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.layerlab.compute.data.DataSources;
import org.layerlab.compute.layers.LayerTypes;
import org.layerlab.compute.nn.Activations;
import org.layerlab.compute.nn.Initializers;
import org.layerlab.compute.nn.Losses;
import org.layerlab.compute.nn.Optimizers;
import org.layerlab.compute.nn.Schedules;
import org.layerlab.compute.train.TrainingSettings;

/**
 * Every catalog's names, explanations and settings are bundle texts in both languages: each entry's name and
 * explanation key, and each declared setting's label, explanation and choice labels are references whose keys the
 * English and the Chinese bundle both have, whose patterns parse, and which read in the language of the moment.
 */
class CatalogTextTest {
    private final Locale before = Locale.getDefault();

    @AfterEach void restore() { Locale.setDefault(before); }

    private static final Map<String, String> BASES = Map.of(
            "catalog", "org.layerlab.compute.i18n.catalog",
            "training", "org.layerlab.compute.i18n.training",
            "datasources", "org.layerlab.compute.i18n.datasources");

    private static final Map<String, Catalog<?>> ENTRY_CATALOGS = Map.of(
            "activation", Activations.CATALOG, "loss", Losses.CATALOG, "optimizer", Optimizers.CATALOG,
            "schedule", Schedules.CATALOG, "initializer", Initializers.CATALOG);

    /** The pattern of {@code key} in {@code bundle} in one language, checked to be there and to parse. */
    private static String pattern(String bundle, String key, Locale locale, List<String> problems) {
        ResourceBundle b = ResourceBundle.getBundle(BASES.get(bundle), locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        if (!b.keySet().contains(key)) {
            problems.add(bundle + ":" + key + " missing in " + (locale.getLanguage().isEmpty() ? "English" : locale));
            return null;
        }
        String p = b.getString(key);
        try {
            new MessageFormat(p, locale);
        } catch (IllegalArgumentException e) {
            problems.add(bundle + ":" + key + " malformed in " + locale + ": " + e.getMessage());
        }
        return p;
    }

    private static void checkRef(String what, String ref, List<String> problems) {
        if (!CatalogText.isRef(ref)) {
            problems.add(what + " is not a bundle reference: \"" + ref + "\"");
            return;
        }
        List<String> parts = CatalogText.parts(ref);
        pattern(parts.get(0), parts.get(1), Locale.ROOT, problems);
        pattern(parts.get(0), parts.get(1), Locale.SIMPLIFIED_CHINESE, problems);
    }

    private static List<ParamSpec> everySetting() {
        List<ParamSpec> all = new ArrayList<>(TrainingSettings.SPECS);
        LayerTypes.CATALOG.all().forEach(t -> all.addAll(t.params()));
        ENTRY_CATALOGS.values().forEach(c -> c.all().forEach(e -> all.addAll(e.params())));
        DataSources.CATALOG.all().forEach(s -> all.addAll(s.params()));
        return all;
    }

    @Test void everySettingIsDeclaredByBundleKeysPresentInBothLanguages() {
        List<String> problems = new ArrayList<>();
        for (ParamSpec s : everySetting()) {
            checkRef(s.name() + "'s label", s.labelRef(), problems);
            checkRef(s.name() + "'s explanation", s.descriptionRef(), problems);
            if (!(s.choiceLabelRefs() instanceof ParamSpec.LiveLabels)) {
                for (String c : s.choiceLabelRefs()) checkRef(s.name() + "'s choice label", c, problems);
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test void everyEntryIsNamedAndExplainedByTheCatalogBundleInBothLanguages() {
        List<String> problems = new ArrayList<>();
        ENTRY_CATALOGS.forEach((kind, catalog) -> {
            for (CatalogEntry e : catalog.all()) {
                for (String part : new String[] {"name", "description"}) {
                    String key = kind + "." + e.id() + "." + part;
                    pattern("catalog", key, Locale.ROOT, problems);
                    pattern("catalog", key, Locale.SIMPLIFIED_CHINESE, problems);
                }
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test void labelsAndNamesAreReadInTheLanguageOfEachCall() {
        ParamSpec units = LayerTypes.CATALOG.get("dense").params().get(0);
        ParamSpec lr = TrainingSettings.spec("optimizer.adam.learningRate");
        ParamSpec activation = LayerTypes.CATALOG.get("dense").params().get(1);
        Locale.setDefault(Locale.ENGLISH);
        assertEquals("Units", units.label());
        assertEquals("Learning rate", lr.label());
        assertEquals("Mean squared error", Losses.MEAN_SQUARED_ERROR.displayName());
        assertEquals("Linear", activation.choiceLabel("linear"));
        String english = Optimizers.SGD.description();
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        assertEquals("神经元数", units.label());
        assertEquals("学习率", lr.label());
        assertEquals("均方误差", Losses.MEAN_SQUARED_ERROR.displayName());
        assertEquals("线性", activation.choiceLabel("linear"), "a catalog choice's labels follow the language");
        assertEquals("线性", activation.choiceLabels().get(0));
        assertNotEquals(english, Optimizers.SGD.description());
        for (ParamSpec s : everySetting()) {
            assertFalse(s.label().startsWith("!"), s.name());
            assertFalse(s.description().startsWith("!"), s.name());
        }
    }

    @Test void aRefusedValueIsExplainedInTheCurrentLanguage() {
        ParamSpec units = LayerTypes.CATALOG.get("dense").params().get(0);
        Locale.setDefault(Locale.ENGLISH);
        InvalidParamException en = org.junit.jupiter.api.Assertions.assertThrows(InvalidParamException.class, () -> units.coerce(0));
        assertEquals("Units must be between 1 and 65536, got 0", en.getMessage());
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        InvalidParamException zh = org.junit.jupiter.api.Assertions.assertThrows(InvalidParamException.class, () -> units.coerce("x"));
        assertEquals("神经元数 必须是整数，实际为 \"x\"", zh.getMessage());
    }

    @Test void plainTextStaysAsItIs() {
        assertEquals("Huber δ", CatalogText.resolve("Huber δ"));
        assertEquals("@nobundle:x", CatalogText.resolve("@nobundle:x"));
        assertTrue(CatalogText.isRef(CatalogText.ref("catalog", "dense.units")));
    }
}
