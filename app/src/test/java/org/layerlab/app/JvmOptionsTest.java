package org.layerlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * ./layerlab and the benchmarks read the JVM options from app/jvm.options (a java argument file); the README's
 * {@code mvn -pl app -am javafx:run} takes them from the plugin's options in app/pom.xml. Both must say the same,
 * or the benchmarks measure a JVM the users do not run.
 */
class JvmOptionsTest {
    /** Surefire runs in the module's folder. */
    static final Path APP = Path.of("").toAbsolutePath();

    static List<String> argumentFile() throws Exception {
        List<String> options = new ArrayList<>();
        for (String line : Files.readAllLines(APP.resolve("jvm.options"))) {
            String content = line.replaceFirst("#.*", "").trim();
            if (!content.isEmpty()) options.addAll(List.of(content.split("\\s+")));
        }
        return options;
    }

    static List<String> javafxRunOptions() throws Exception {
        String pom = Files.readString(APP.resolve("pom.xml"));
        Matcher plugin = Pattern.compile("<artifactId>javafx-maven-plugin</artifactId>.*?<options>(.*?)</options>", Pattern.DOTALL).matcher(pom);
        if (!plugin.find()) throw new AssertionError("app/pom.xml has no javafx-maven-plugin options");
        List<String> options = new ArrayList<>();
        Matcher option = Pattern.compile("<option>(.*?)</option>").matcher(plugin.group(1));
        while (option.find()) options.add(option.group(1).trim());
        return options;
    }

    @Test void javafxRunUsesTheOptionsOfTheLauncherAndTheBenchmarks() throws Exception {
        List<String> file = argumentFile();
        assertFalse(file.isEmpty());
        assertEquals(file, javafxRunOptions());
    }

    @Test void theLauncherAndTheBenchmarksReadTheArgumentFile() throws Exception {
        Path root = APP.getParent();
        assertEquals(true, Files.readString(root.resolve("layerlab")).contains("\"@$root/app/jvm.options\""));
        assertEquals(true, Files.readString(root.resolve("benchmarks/compare.py")).contains("\"app\", \"jvm.options\""));
    }
}
