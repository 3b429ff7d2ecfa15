package org.layerlab.compute.project;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.graph.GraphAnalysis;
import org.layerlab.compute.graph.GraphException;
import org.layerlab.compute.graph.ShapeInference;
import org.layerlab.compute.train.RunPreflight;

/**
 * 10,000 mutated project files through the loader (byte flips, truncations, deleted and duplicated fields, changed
 * types, huge and negative numbers, long strings, reversed wire lists): each loads, or fails with a
 * {@link ProjectFileException} whose message names the file and a place and shows no Java or Jackson internals. A
 * loaded one is checked by the preflight and compiles or is refused with a {@link GraphException}; nothing else
 * is thrown, and nothing hangs (the whole test is bounded in time).
 */
class ProjectFilesFuzzTest {
    static final int CASES = 10_000;
    static final ObjectMapper JSON = new ObjectMapper();
    /** "src: <place>: <problem>", the place a JSON path (maybe with line and column) or a line and column. */
    static final Pattern LOCATED = Pattern.compile("^fuzz\\.layerlab: (line \\d+, column \\d+|([A-Za-z_][A-Za-z0-9_/-]*|\\[\\d+\\]|\\[\"([^\"\\\\]|\\\\.)*\"\\])([.][A-Za-z_][A-Za-z0-9_/-]*|\\[\\d+\\]|\\[\"([^\"\\\\]|\\\\.)*\"\\])*( \\(line \\d+, column \\d+\\))?): \\S.*", Pattern.DOTALL);
    private static Locale before;

    @BeforeAll static void english() { before = Locale.getDefault(); Locale.setDefault(Locale.ROOT); }
    @AfterAll static void restore() { Locale.setDefault(before); }

    static List<String> seeds() throws Exception {
        Project base = ProjectFilesTest.sample();
        return List.of(ProjectFiles.toJson(base),
                ProjectFiles.toJson(base.withRuns(List.of(ProjectFilesRunsTest.run(1, 60, 20, null, null, 1),
                        ProjectFilesRunsTest.run(2, 40, 20, 1, 20L, 2)))),
                ProjectFilesStrictTest.chain(30, true));
    }

    @Test @Timeout(value = 90, unit = TimeUnit.SECONDS) void mutatedFilesLoadOrFailWithAPlace() throws Exception {
        List<String> seeds = seeds();
        SplittableRandom rnd = new SplittableRandom(1414);
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        Map<String, Long> millis = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < CASES; i++) {
            String seed = seeds.get(i % seeds.size());
            String kind = MUTATIONS[rnd.nextInt(MUTATIONS.length)];
            String mutated;
            try {
                mutated = mutate(kind, seed, rnd);
            } catch (Exception e) {
                mutated = seed;
            }
            long c0 = System.nanoTime();
            outcomes.merge(kind + (check(mutated, i, kind) ? " loaded" : " refused"), 1, Integer::sum);
            millis.merge(kind, (System.nanoTime() - c0) / 1_000_000, Long::sum);
        }
        System.out.printf(Locale.ROOT, "ProjectFilesFuzzTest: %,d cases in %.1f s: %s%n", CASES, (System.nanoTime() - t0) / 1e9, outcomes + " ms by kind " + millis);
        assertTrue(outcomes.keySet().stream().anyMatch(k -> k.endsWith("loaded")), "some mutations still load");
    }

    /** True when it loaded. */
    static boolean check(String json, int i, String kind) {
        Project p;
        try {
            p = ProjectFiles.parse(json, "fuzz.layerlab");
        } catch (ProjectFileException e) {
            String m = e.getMessage();
            if (!LOCATED.matcher(m).matches()) fail("case " + i + " (" + kind + "): no place in: " + cut(m));
            for (String internal : List.of("java.", "com.fasterxml", "Exception", "[Source", "ProjectDocument", "JsonToken"))
                if (m.contains(internal)) fail("case " + i + " (" + kind + "): internals (" + internal + ") in: " + cut(m));
            if (m.length() > 1200) fail("case " + i + " (" + kind + "): message of " + m.length() + " characters");
            return false;
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("case " + i + " (" + kind + "): " + e + " for " + cut(json), e);
        }
        try {
            GraphAnalysis a = ShapeInference.analyze(p.graph());
            RunPreflight.check(p.graph(), new RunPreflight.DataDescription(100, org.layerlab.compute.tensor.Shape.of(2), 2, 0), p.training());
            // Compile what is small enough to be cheap; anything larger has been sized (and maybe refused) above.
            if (a.valid() && a.totalParameters() < 2_000_000) CompiledNetwork.compile(p.graph(), 1);
        } catch (GraphException refused) {
            // refused cleanly, with a message for the user
            assertTrue(refused.getMessage() != null && !refused.getMessage().isBlank());
        } catch (RuntimeException e) {
            throw new AssertionError("case " + i + " (" + kind + "): loaded, then " + e, e);
        }
        return true;
    }

    static final String[] MUTATIONS = {"flip", "truncate", "delete", "duplicate", "type", "number", "string", "reverse", "insert"};

    static String mutate(String kind, String seed, SplittableRandom r) throws Exception {
        switch (kind) {
            case "flip": {
                byte[] b = seed.getBytes(StandardCharsets.UTF_8);
                for (int k = 1 + r.nextInt(3); k > 0; k--) b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(7));
                return new String(b, StandardCharsets.UTF_8);
            }
            case "truncate": return seed.substring(0, r.nextInt(seed.length()));
            case "insert": {
                int at = r.nextInt(seed.length());
                String[] bits = {"{", "}", "[", "]", ",", ":", "\"", "null", "\\u0000", "1e999", "-", "\uFEFF"};
                return seed.substring(0, at) + bits[r.nextInt(bits.length)] + seed.substring(at);
            }
            default: break;
        }
        JsonNode root = JSON.readTree(seed);
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(r.nextInt(containers.size()));
        switch (kind) {
            case "delete": {
                if (target instanceof ObjectNode o && o.size() > 0) o.remove(nth(o.fieldNames(), r.nextInt(o.size())));
                else if (target instanceof ArrayNode a && a.size() > 0) a.remove(r.nextInt(a.size()));
                return JSON.writeValueAsString(root);
            }
            case "duplicate": {
                String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
                List<Integer> keys = new ArrayList<>();
                var m = Pattern.compile("\\n\\s*\"[^\"]+\" : [^\\n{\\[]+,?\\n").matcher(text);
                while (m.find()) keys.add(m.start() + 1);
                if (keys.isEmpty()) return text;
                int at = keys.get(r.nextInt(keys.size()));
                int end = text.indexOf('\n', at);
                String line = text.substring(at, end).replaceAll(",$", "");
                return text.substring(0, at) + line + ",\n" + text.substring(at);
            }
            case "reverse": {
                JsonNode edges = root.path("graph").path("edges");
                if (edges instanceof ArrayNode a) {
                    List<JsonNode> l = new ArrayList<>();
                    a.forEach(l::add);
                    java.util.Collections.reverse(l);
                    a.removeAll();
                    a.addAll(l);
                }
                return JSON.writeValueAsString(root);
            }
            default: {
                JsonNode replacement = switch (kind) {
                    case "type" -> pick(r, JsonNodeFactory.instance.textNode("12"), JsonNodeFactory.instance.nullNode(),
                            JsonNodeFactory.instance.booleanNode(true), JsonNodeFactory.instance.arrayNode(), JsonNodeFactory.instance.objectNode(),
                            JsonNodeFactory.instance.numberNode(3.5));
                    case "number" -> pick(r, JsonNodeFactory.instance.numberNode(new java.math.BigInteger("18446744073709551632")),
                            JsonNodeFactory.instance.numberNode(-7), JsonNodeFactory.instance.numberNode(Integer.MAX_VALUE),
                            JsonNodeFactory.instance.numberNode(Long.MIN_VALUE), JsonNodeFactory.instance.numberNode(16.9),
                            JsonNodeFactory.instance.numberNode(1e308), JsonNodeFactory.instance.numberNode(0), JsonNodeFactory.instance.numberNode(65536));
                    default -> JsonNodeFactory.instance.textNode("long-" + "x".repeat(r.nextInt(10, 20_000)));
                };
                if (target instanceof ObjectNode o && o.size() > 0) o.set(nth(o.fieldNames(), r.nextInt(o.size())), replacement);
                else if (target instanceof ArrayNode a && a.size() > 0) a.set(r.nextInt(a.size()), replacement);
                return JSON.writeValueAsString(root);
            }
        }
    }

    @SafeVarargs static <T> T pick(SplittableRandom r, T... options) { return options[r.nextInt(options.length)]; }

    static String nth(Iterator<String> it, int n) {
        String s = null;
        for (int i = 0; i <= n; i++) s = it.next();
        return s;
    }

    static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isContainerNode()) {
            out.add(n);
            n.forEach(c -> collect(c, out));
        }
    }

    static String cut(String s) { return s.length() <= 400 ? s : s.substring(0, 400) + "…"; }
}
