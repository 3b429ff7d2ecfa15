package org.layerlab.compute.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.layerlab.compute.layers.LayerTypes;
import org.layerlab.compute.nn.Schedules;

/** An unknown catalog id or setting name is named in the language of the moment, with what is known. */
class UnknownIdTextTest {
    private final Locale before = Locale.getDefault();

    @AfterEach void restore() { Locale.setDefault(before); }

    @Test void unknownIdsAndSettingsInEnglish() throws Exception {
        Locale.setDefault(Locale.ENGLISH);
        String m = assertThrows(IllegalArgumentException.class, () -> LayerTypes.CATALOG.get("lstm")).getMessage();
        assertTrue(m.startsWith("unknown layer type 'lstm' (known: input, "), m);
        assertTrue(Schedules.CATALOG.unknownMessage("x").startsWith("unknown learning-rate schedule 'x' (known: constant"));
        var units = LayerTypes.CATALOG.get("dense").params();
        String p = assertThrows(InvalidParamException.class, () -> Params.of(units, Map.of("width", 3))).getMessage();
        assertTrue(p.contains("unknown parameter 'width' (known: units"), p);
    }

    @Test void unknownIdsAndSettingsInChinese() {
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        String m = LayerTypes.CATALOG.unknownMessage("lstm");
        assertTrue(m.startsWith("未知的层类型“lstm”（已知：input, "), m);
        var units = LayerTypes.CATALOG.get("dense").params();
        String p = assertThrows(InvalidParamException.class, () -> Params.of(units, Map.of("width", 3))).getMessage();
        assertTrue(p.contains("未知参数“width”（已知：units"), p);
        assertEquals(-1, p.indexOf("unknown"), p);
    }
}
