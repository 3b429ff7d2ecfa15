package org.layerlab.compute.text;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Finds what is wrong with a module's bundles: for every {@code X.properties} under a resources folder, a
 * {@code X_zh_CN.properties} with exactly the same keys, and every value a well-formed MessageFormat pattern.
 * Called from each module's tests; returns readable problems rather than throwing, so a test lists them all.
 */
public final class BundleCheck {
    public static final String CHINESE_SUFFIX = "_zh_CN";
    /** Bundles read by picocli, whose texts use its own format (%n, ${COMPLETION-CANDIDATES}), not MessageFormat. */
    private static final java.util.Set<String> PICOCLI_BUNDLES = java.util.Set.of("clihelp.properties");

    private BundleCheck() {}

    public static List<String> problems(Path resourcesRoot) throws IOException {
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(resourcesRoot)) return problems;
        List<Path> bases;
        try (Stream<Path> files = Files.walk(resourcesRoot)) {
            bases = files.filter(p -> p.toString().endsWith(".properties") && p.toString().contains("/i18n/")
                    && !p.getFileName().toString().contains("_")).sorted().toList();
        }
        for (Path base : bases) {
            String name = base.getFileName().toString();
            Path zh = base.resolveSibling(name.replace(".properties", CHINESE_SUFFIX + ".properties"));
            Properties en = load(base);
            if (!Files.exists(zh)) {
                problems.add(resourcesRoot.relativize(base) + ": no Chinese bundle " + zh.getFileName());
                continue;
            }
            Properties cn = load(zh);
            TreeSet<String> missing = new TreeSet<>(en.stringPropertyNames());
            missing.removeAll(cn.stringPropertyNames());
            TreeSet<String> extra = new TreeSet<>(cn.stringPropertyNames());
            extra.removeAll(en.stringPropertyNames());
            if (!missing.isEmpty()) problems.add(zh.getFileName() + ": missing keys " + missing);
            if (!extra.isEmpty()) problems.add(zh.getFileName() + ": keys not in the English bundle " + extra);
            if (PICOCLI_BUNDLES.contains(name)) continue;
            checkPatterns(base, en, problems);
            checkPatterns(zh, cn, problems);
        }
        return problems;
    }

    private static void checkPatterns(Path file, Properties p, List<String> problems) {
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            try {
                new MessageFormat(p.getProperty(key));
            } catch (IllegalArgumentException e) {
                problems.add(file.getFileName() + ": " + key + ": malformed pattern: " + e.getMessage());
            }
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }
}
