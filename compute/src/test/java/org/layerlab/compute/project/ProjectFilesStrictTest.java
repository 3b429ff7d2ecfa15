package org.layerlab.compute.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Loading is strict (no silent coercion), fast on long chains, faithful to the file's nature, and every refusal says where. */
class ProjectFilesStrictTest {
    @TempDir Path dir;
    private static Locale before;

    @BeforeAll static void english() { before = Locale.getDefault(); Locale.setDefault(Locale.ROOT); }
    @AfterAll static void restore() { Locale.setDefault(before); }

    static String sampleJson() throws Exception { return ProjectFiles.toJson(ProjectFilesTest.sample()); }

    static String problem(String json) {
        ProjectFileException e = assertThrows(ProjectFileException.class, () -> ProjectFiles.parse(json, "p.layerlab"));
        assertTrue(e.getMessage().startsWith("p.layerlab: "), e.getMessage());
        return e.getMessage().substring("p.layerlab: ".length());
    }

    @Test void integersAreIntegersInRange() throws Exception {
        String json = sampleJson();
        assertEquals("graph.nodes[1].params.units: Units must be between 1 and 65536, got 18446744073709551632",
                problem(json.replace("\"units\" : 8", "\"units\" : 18446744073709551632")));
        assertTrue(problem(json.replace("\"units\" : 8", "\"units\" : 16.9")).startsWith("graph.nodes[1].params.units: Units must be a whole number, got 16.9"));
        String batch = problem(json.replace("\"batchSize\" : 8", "\"batchSize\" : 16.9"));
        assertTrue(batch.startsWith("training.batchSize") && batch.endsWith("must be a whole number, got 16.9"), batch);
        String seed = problem(json.replace("\"seed\" : 11", "\"seed\" : 18446744073709551632"));
        assertTrue(seed.contains("training.seed") && seed.contains("18446744073709551632"), seed);
        String text = problem(json.replace("\"epochs\" : 20", "\"epochs\" : \"20\""));
        assertTrue(text.startsWith("training.epochs") && text.endsWith("must be a whole number, got \"20\""), text);
    }

    @Test void duplicateKeysAreRefusedWithTheirPlace() throws Exception {
        String json = sampleJson();
        String epochs = problem(json.replace("\"epochs\" : 20,", "\"epochs\" : 20, \"epochs\" : 30,"));
        assertTrue(epochs.matches("line \\d+, column \\d+: the field \"epochs\" appears twice"), epochs);
        String version = problem(json.replace("\"version\" : " + ProjectFiles.VERSION + ",", "\"version\" : " + ProjectFiles.VERSION + ", \"version\" : 2,"));
        assertTrue(version.matches("line \\d+, column \\d+: the field \"version\" appears twice"), version);
    }

    @Test void portsMustExistOnTheLayer() throws Exception {
        String json = sampleJson();
        assertEquals("graph.edges[0]: H has no input -7 (its inputs are numbered 0)",
                problem(json.replaceFirst("\"port\" : 0", "\"port\" : -7")));
        assertEquals("graph.edges[0]: H has no input 2147483647 (its inputs are numbered 0)",
                problem(json.replaceFirst("\"port\" : 0", "\"port\" : 2147483647")));
    }

    @Test void runsAreValidated() throws Exception {
        String run = "{ \"id\" : 1, \"name\" : \"Run 1\", \"status\" : \"completed\", \"series\" : { \"batch/loss\" : "
                + "{ \"step\" : [1, 2, 3], \"epoch\" : [0.1, 0.2, 0.3], \"time\" : [0, 0, 0], \"value\" : [1, 1, 1] } } }";
        String json = sampleJson().trim();
        String base = json.substring(0, json.length() - 1).stripTrailing() + ",\n \"runs\" : [ " + run + " ]\n}";
        ProjectFiles.parse(base, "p.layerlab"); // well formed
        assertEquals("runs[0].parent: the parent run 7 does not exist in this file",
                problem(base.replace("\"status\" : \"completed\",", "\"status\" : \"completed\", \"parent\" : 7, \"forkStep\" : 3,")));
        assertEquals("runs[0].forkStep: must be 0 or positive, got -1",
                problem(base.replace("\"status\" : \"completed\",", "\"status\" : \"completed\", \"forkStep\" : -1,")));
        assertEquals("runs[0].series.batch/loss.step[2]: steps must not decrease: point 2 has step 1 after 2",
                problem(base.replace("[1, 2, 3]", "[1, 2, 1]")));
    }

    @Test void longValuesAreCutInMessages() throws Exception {
        String huge = "x".repeat(5_000_000);
        String msg = problem(sampleJson().replace("\"type\" : \"dense\"", "\"type\" : \"" + huge + "\""));
        assertTrue(msg.length() < 700, "message length " + msg.length());
        assertTrue(msg.startsWith("graph.nodes[1].type: unknown layer type 'xxxx") && msg.contains("(5000000 characters)"), msg.substring(0, 100));
    }

    @Test void jacksonInternalsNeverShow() throws Exception {
        String json = sampleJson();
        for (String bad : List.of(json.replace("\"name\" : \"Circle demo\"", "\"name\" : [1]"),
                json.replace("\"nodes\" : [", "\"nodes\" : {").replaceFirst("\\]", "}"),
                json.substring(0, json.length() / 2), json.replace("\"epochs\" : 20", "\"epochs\" : tru"),
                json.replace("\"loss\" : ", "\"lost\" : "))) {
            String m = problem(bad);
            assertTrue(m.matches("^(line \\d+, column \\d+|[a-zA-Z\\[\\]0-9.\\/\"_-]+( \\(line \\d+, column \\d+\\))?): .+"), m);
            for (String internal : List.of("java.", "com.fasterxml", "`", "Source:", "ProjectDocument", "Integer"))
                assertTrue(!m.contains(internal), internal + " in: " + m);
        }
    }

    @Test void aByteOrderMarkIsAccepted() throws Exception {
        Path f = dir.resolve("bom.layerlab");
        byte[] body = sampleJson().getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF; withBom[1] = (byte) 0xBB; withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Files.write(f, withBom);
        assertEquals(ProjectFilesTest.sample(), ProjectFiles.read(f));
    }

    @Test void invalidUtf8NamesTheByteOffset() throws Exception {
        Path f = dir.resolve("latin1.layerlab");
        byte[] body = sampleJson().replace("a ring around a disc", "a ring around a dis\u00e9").getBytes(StandardCharsets.ISO_8859_1);
        int offset = new String(body, StandardCharsets.ISO_8859_1).indexOf('\u00e9');
        Files.write(f, body);
        ProjectFileException e = assertThrows(ProjectFileException.class, () -> ProjectFiles.read(f));
        assertEquals(f + ": not UTF-8 text: byte " + offset + " (0xE9) cannot start or continue a character — save the file as UTF-8", e.getMessage());
    }

    @Test void onlyRegularFilesAreOpened() throws Exception {
        ProjectFileException folder = assertThrows(ProjectFileException.class, () -> ProjectFiles.read(dir));
        assertEquals(dir + ": is a folder, not a project file", folder.getMessage());
        Path dev = Path.of("/dev/zero");
        if (Files.exists(dev)) {
            ProjectFileException zero = assertThrows(ProjectFileException.class, () -> ProjectFiles.read(dev));
            assertTrue(zero.getMessage().startsWith("/dev/zero: is not a regular file"), zero.getMessage());
        }
    }

    @Test @Timeout(value = 10, unit = TimeUnit.SECONDS) void aFifoIsRefusedWithoutBlocking() throws Exception {
        Path fifo = dir.resolve("pipe.layerlab");
        Process mk;
        try {
            mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (java.io.IOException e) {
            Assumptions.abort("mkfifo is not available: " + e.getMessage());
            return;
        }
        Assumptions.assumeTrue(mk.waitFor() == 0 && Files.exists(fifo), "mkfifo failed");
        ProjectFileException e = assertThrows(ProjectFileException.class, () -> ProjectFiles.read(fifo));
        assertTrue(e.getMessage().startsWith(fifo + ": is not a regular file"), e.getMessage());
    }

    @Test void filesAboveTheSizeLimitAreRefused() throws Exception {
        Path f = dir.resolve("big.layerlab");
        Files.writeString(f, sampleJson());
        String old = System.getProperty(FileReading.MAX_PROPERTY);
        System.setProperty(FileReading.MAX_PROPERTY, "100");
        try {
            ProjectFileException e = assertThrows(ProjectFileException.class, () -> ProjectFiles.read(f));
            assertTrue(e.getMessage().matches(java.util.regex.Pattern.quote(f.toString()) + ": is \\d+\\.\\d MiB; a project file may be at most 0\\.0 MiB"), e.getMessage());
        } finally {
            if (old == null) System.clearProperty(FileReading.MAX_PROPERTY); else System.setProperty(FileReading.MAX_PROPERTY, old);
        }
    }

    @Test void permissionDeniedSaysSo() throws Exception {
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")), "root may read any file; run as a user to check this");
        Path f = dir.resolve("locked.layerlab");
        Files.writeString(f, sampleJson());
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
        ProjectFileException e = assertThrows(ProjectFileException.class, () -> ProjectFiles.read(f));
        assertTrue(e.getMessage().startsWith(f + ": permission denied"), e.getMessage());
    }

    /** A chain of {@code n} Dense layers after an Input, its wires listed forwards or backwards. */
    static String chain(int n, boolean reversed) {
        StringBuilder nodes = new StringBuilder("{\"id\":\"n0\",\"type\":\"input\",\"params\":{\"shape\":[2]}}");
        List<String> edges = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            nodes.append(",{\"id\":\"n").append(i).append("\",\"type\":\"dense\",\"params\":{\"units\":2}}");
            edges.add("{\"from\":\"n" + (i - 1) + "\",\"to\":\"n" + i + "\",\"port\":0}");
        }
        if (reversed) Collections.reverse(edges);
        return "{\"format\":\"layerlab-project\",\"version\":2,\"graph\":{\"nodes\":[" + nodes + "],\"edges\":[" + String.join(",", edges)
                + "]},\"dataset\":{\"generator\":\"circles\",\"params\":{}},\"training\":{\"loss\":\"softmax-cross-entropy\","
                + "\"optimizer\":\"sgd\",\"optimizerParams\":{},\"batchSize\":8,\"epochs\":1,\"seed\":1,\"validationSplit\":0}}";
    }

    @Test void longChainsLoadInEitherOrder() throws Exception {
        for (boolean reversed : new boolean[] {false, true}) {
            Project p = ProjectFiles.parse(chain(10_000, reversed), "chain");
            assertEquals(10_001, p.graph().nodes().size());
            assertEquals(10_000, p.graph().edges().size());
            assertEquals("n10000", p.graph().topologicalOrder().get(10_000).id());
        }
        // A cycle closed anywhere in a long chain is found and blamed on the wire listed last in it.
        String cyclic = chain(2_000, true).replace("]},\"dataset\"", ",{\"from\":\"n2000\",\"to\":\"n1\",\"port\":1}]},\"dataset\"");
        String m = problem(cyclic.replace("\"id\":\"n1\",\"type\":\"dense\",\"params\":{\"units\":2}", "\"id\":\"n1\",\"type\":\"add\",\"params\":{}"));
        assertEquals("graph.edges[2000]: wiring n2000 into n1 would make a cycle", m);
    }
}
