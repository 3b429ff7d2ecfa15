package org.layerlab.compute.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleCheckTest {
    @Test void reportsMissingKeysMissingBundlesAndMalformedPatterns(@TempDir Path root) throws Exception {
        Path dir = Files.createDirectories(root.resolve("org/layerlab/x/i18n"));
        Files.writeString(dir.resolve("a.properties"), "ok=Fine\ngone=Only English\nbad=Broken {0\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("a_zh_CN.properties"), "ok=好\nbad=坏 {0}\nmore=多\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("b.properties"), "k=v\n", StandardCharsets.UTF_8);
        List<String> p = BundleCheck.problems(root);
        assertEquals(4, p.size(), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.contains("missing keys [gone]")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.contains("not in the English bundle [more]")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.contains("bad: malformed")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.contains("no Chinese bundle b_zh_CN.properties")), p.toString());
    }

    @Test void messagesFollowTheDefaultLocaleAndFillArguments() {
        Locale before = Locale.getDefault();
        try {
            Messages m = Messages.of("org.layerlab.compute.text.sample", BundleCheckTest.class);
            Locale.setDefault(Locale.ENGLISH);
            assertEquals("3 runs", m.get("runs", 3));
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            assertEquals("3 次运行", m.get("runs", 3));
            assertEquals("!nokey!", m.get("nokey"));
        } finally {
            Locale.setDefault(before);
        }
    }
}
