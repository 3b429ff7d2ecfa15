package org.layerlab.compute.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every catalog layer type's name and explanation, and every palette group's name, come from the layers bundle in both languages. */
class LayerTextTest {
    private final Locale before = Locale.getDefault();

    @AfterEach void restore() { Locale.setDefault(before); }

    private static Properties bundle(String suffix) throws Exception {
        Properties p = new Properties();
        try (InputStream in = LayerTextTest.class.getResourceAsStream("/org/layerlab/compute/i18n/layers" + suffix + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test void everyLayerTypeIsNamedAndExplainedByTheBundleInEnglishAndChinese() throws Exception {
        Properties en = bundle(""), zh = bundle("_zh_CN");
        for (LayerType t : LayerTypes.CATALOG.all()) {
            for (String part : new String[] {"name", "description"}) {
                String key = "layer." + t.id() + "." + part;
                assertTrue(en.containsKey(key), key + " in English");
                assertTrue(zh.containsKey(key), key + " in Chinese");
            }
            Locale.setDefault(Locale.ENGLISH);
            String name = t.displayName(), about = t.description();
            assertEquals(en.getProperty("layer." + t.id() + ".name").replace("''", "'"), name);
            assertEquals(en.getProperty("layer." + t.id() + ".description").replace("''", "'"), about);
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            assertEquals(zh.getProperty("layer." + t.id() + ".name").replace("''", "'"), t.displayName(), "read at the call, not cached");
            assertNotEquals(about, t.description(), t.id() + "'s explanation is translated");
            assertFalse(t.description().startsWith("!"), t.id());
        }
    }

    @Test void paletteGroupsAreNamedInTheCurrentLanguage() {
        Locale.setDefault(Locale.ENGLISH);
        assertEquals("Core", Category.CORE.displayName());
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        assertEquals("核心", Category.CORE.displayName());
        for (Category c : Category.values()) assertFalse(c.displayName().startsWith("!"), c.name());
    }
}
