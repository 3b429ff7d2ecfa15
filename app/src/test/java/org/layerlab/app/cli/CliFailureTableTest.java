package org.layerlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.samples.SampleProjects;

/**
 * Hostile command lines: each fails with its exit code and exactly one line on stderr, naming the file and what is
 * wrong, never a stack trace; Ctrl-C ends a run with exit 130 and a line saying where it stopped.
 */
class CliFailureTableTest {
    @TempDir Path dir;
    private static Locale before;

    @BeforeAll static void english() { before = Locale.getDefault(); Locale.setDefault(Locale.ROOT); }
    @AfterAll static void restore() { Locale.setDefault(before); }

    record Result(int exit, String out, String err) {}

    static Result cli(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int exit = LayerLabCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(exit, out.toString(), err.toString());
    }

    /** One line, starting "layerlab: ", matching {@code pattern}, with no trace of Java internals. */
    static void oneLine(Result r, int exit, String pattern) {
        assertEquals(exit, r.exit(), r.err());
        List<String> lines = r.err().strip().lines().toList();
        assertEquals(1, lines.size(), "one line: " + r.err());
        String line = lines.get(0);
        assertTrue(Pattern.compile(pattern, Pattern.DOTALL).matcher(line).find(), "«" + pattern + "» in «" + line + "»");
        assertTrue(line.startsWith("layerlab: "), line);
        for (String internal : List.of("Exception", "\tat ", "java.", "com.fasterxml", "picocli")) assertTrue(!line.contains(internal), line);
    }

    String sample() { return SampleProjects.defaultSample().json(); }

    Path write(String name, String text) throws Exception { return Files.writeString(dir.resolve(name), text); }

    @Test void missingFile() {
        Path f = dir.resolve("nowhere.layerlab");
        oneLine(cli("train", f.toString()), 2, Pattern.quote(f + ": file not found"));
    }

    @Test void directory() {
        oneLine(cli("train", dir.toString()), 2, Pattern.quote(dir + ": is a folder, not a project file"));
    }

    @Test @Timeout(value = 20, unit = TimeUnit.SECONDS) void fifo() throws Exception {
        Path fifo = dir.resolve("pipe.layerlab");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        Assumptions.assumeTrue(p.waitFor() == 0, "mkfifo is available");
        oneLine(cli("train", fifo.toString()), 2, Pattern.quote(fifo + ": is not a regular file"));
    }

    @Test void deviceFile() {
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")));
        oneLine(cli("train", "/dev/zero"), 2, "^layerlab: /dev/zero: is not a regular file");
    }

    @Test void emptyFile() throws Exception {
        Path f = write("empty.layerlab", "");
        oneLine(cli("train", f.toString()), 2, Pattern.quote(f + ": line 1, column 1: not a LayerLab project"));
    }

    @Test void binaryFile() throws Exception {
        byte[] junk = new byte[4096];
        new java.util.SplittableRandom(3).nextBytes(junk);
        junk[0] = (byte) 0xC3; junk[1] = (byte) 0x28; // an invalid UTF-8 pair at the very start
        Path f = Files.write(dir.resolve("binary.layerlab"), junk);
        oneLine(cli("train", f.toString()), 2, Pattern.quote(f + ": not UTF-8 text: byte 0 (0xC3)"));
    }

    @Test void byteOrderMarkIsFine() throws Exception {
        Path f = write("bom.layerlab", "\uFEFF" + sample());
        Result r = cli("train", f.toString(), "--epochs", "1", "--no-progress");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("accuracy"), r.out());
    }

    @Test void badOptions() throws Exception {
        Path f = write("ok.layerlab", sample());
        oneLine(cli("train", f.toString(), "--epochs", "many"), 2, "Invalid value for option '--epochs'.*\\(see: layerlab train --help\\)$");
        oneLine(cli("train", f.toString(), "--bogus"), 2, "Unknown option: '--bogus'.*\\(see: layerlab train --help\\)$");
        oneLine(cli("train"), 2, "Missing required parameter.*\\(see: layerlab train --help\\)$");
        oneLine(cli("fly"), 2, "Unmatched argument.*'fly'.*\\(see: layerlab --help\\)$");
        oneLine(cli("train", f.toString(), "--epochs", "0"), 2, "--epochs must be at least 1, got 0");
    }

    @Test void oversizedNetwork() throws Exception {
        Path f = write("huge.layerlab", sample().replace("\"units\" : 24", "\"units\" : 65536"));
        oneLine(cli("train", f.toString(), "--no-progress"), 2, "(Dense|Hidden) 2 would need 16\\.0 GiB for its weights; LayerLab may use .* raise -Xmx\\.");
    }

    @Test void divergingRun() throws Exception {
        // Three linear layers and SGD at the largest learning rate with strong momentum: the scores explode.
        String json = sample().replace("\"activation\" : \"tanh\"", "\"activation\" : \"linear\"")
                .replaceFirst("\"optimizer\" : \"[a-z]+\"", "\"optimizer\" : \"sgd\"")
                .replaceFirst("\"optimizerParams\" : \\{[^}]*\\}", "\"optimizerParams\" : { \"learningRate\" : 10.0, \"momentum\" : 0.99 }");
        Path f = write("diverge.layerlab", json);
        oneLine(cli("train", f.toString(), "--epochs", "20", "--no-progress"), 1, Pattern.quote(f.toString()) + ": .* at step \\d+ \\(epoch \\d+\\)");
    }

    @Test void emptyTrainingSplit() throws Exception {
        // 10 points, 5 a class, and a stratified validation share of 0.9: each class gives all 5 to validation.
        Path f = write("split.layerlab", sample().replaceFirst("\"split\" : \\{[^}]*\\},", "").replaceFirst("\"params\" : \\{ \"samples\" : 400, \"noise\" : 0.0, \"seed\" : 1 \\}",
                "\"params\" : { \"samples\" : 10, \"noise\" : 0.0, \"seed\" : 1 }, \"split\" : { \"validation\" : 0.9, \"test\" : 0.0, \"seed\" : 1, \"stratified\" : true }"));
        assertTrue(Files.readString(f).contains("\"samples\" : 10"), "the sample still has this data-set section");
        oneLine(cli("train", f.toString(), "--no-progress"), 2, "Nothing is left to train on: the data has 10 samples and the validation and test shares \\(0\\.9 together\\) take them all");
    }

    @Test void anUnforeseenFailureIsOneLineAndItsTraceGoesToALog() throws Exception {
        String line = CliFailures.report(new IllegalStateException("boom\nsecond line"));
        var m = Pattern.compile("^layerlab: internal error: boom second line \\(this is a bug in LayerLab; details in (.+\\.log)\\)$").matcher(line);
        assertTrue(m.find(), line);
        Path log = Path.of(m.group(1));
        assertTrue(log.startsWith(CliFailures.logDirectory()), "the tests' log folder, not the user's home: " + log);
        assertTrue(Files.readString(log).contains("java.lang.IllegalStateException: boom"), "the trace is in the log");
    }

    @Test void withoutATerminalProgressIsPlainLines() throws Exception {
        Path f = write("ok.layerlab", sample());
        Result r = cli("train", f.toString(), "--epochs", "20");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.err().strip().lines().toList();
        assertTrue(lines.get(0).matches("layerlab: " + Pattern.quote(f.toString()) + ": training 20 epochs of \\d+ steps on 400 samples"), lines.get(0));
        lines = lines.subList(1, lines.size());
        assertTrue(lines.size() >= 5 && lines.size() <= 12, "about one line per tenth of the run: " + lines);
        for (String l : lines) assertTrue(l.matches("layerlab: epoch \\d+/20, step \\d+/\\d+ \\(\\d+%\\), loss \\d+\\.\\d{4}"), l);
        assertTrue(lines.get(lines.size() - 1).contains("(100%)"), lines.toString());
    }

    @Test @Timeout(value = 90, unit = TimeUnit.SECONDS) void ctrlCStopsTheRunWithExit130AndSaysWhere() throws Exception {
        Path f = write("long.layerlab", sample());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector", "-cp", cp,
                "-D" + CliFailures.LOGS_PROPERTY + "=" + dir.resolve("logs"), "-Duser.language=en", "-Duser.country=",
                "org.layerlab.app.cli.LayerLabCli", "train", f.toString(), "--epochs", "100000").start();
        BufferedReader err = new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        String line;
        String first = err.readLine();
        while (first != null && first.startsWith("WARNING: Using incubator modules")) first = err.readLine();
        assertTrue(first != null && first.startsWith("layerlab: " + f + ": training 100000 epochs"), "the run started: " + first);
        new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the run stops after Ctrl-C");
        while ((line = err.readLine()) != null) if (!line.startsWith("WARNING: Using incubator modules")) lines.add(line);
        assertEquals(130, child.exitValue(), lines.toString());
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).matches("layerlab: " + Pattern.quote(f.toString()) + ": stopped by Ctrl-C at step \\d+ \\(epoch \\d+ of 100000\\); nothing was saved"), lines.get(0));
    }
}
