package org.layerlab.compute.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM saves a large project over and over and is killed (SIGKILL) at random moments, 50 times: the target
 * always parses as the old or the new content, and the next save leaves no temporary file behind.
 */
class SaveKillTest {
    static final int KILLS = 50;
    @TempDir Path dir;

    @Test @Timeout(value = 120, unit = TimeUnit.SECONDS) void killedSavesNeverCorruptTheFile() throws Exception {
        Project base = ProjectFilesTest.sample();
        // About 1 MB each: a run with long series, so a save takes a few milliseconds and kills land inside it.
        String a = ProjectFiles.toJson(base.withRuns(List.of(ProjectFilesRunsTest.run(1, 10_000, 100, null, null, 1)))),
               b = ProjectFiles.toJson(base.withRuns(List.of(ProjectFilesRunsTest.run(1, 10_500, 100, null, null, 2))));
        ProjectFiles.parse(a, "a");
        ProjectFiles.parse(b, "b"); // both parse, so a target equal to one of them parses as old or new content
        Path fa = Files.writeString(dir.resolve("a.json"), a), fb = Files.writeString(dir.resolve("b.json"), b);
        Path work = Files.createDirectories(dir.resolve("work"));
        Path target = work.resolve("project.layerlab");
        Files.writeString(target, a);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        SplittableRandom rnd = new SplittableRandom(14);
        int killedMidSave = 0;
        long t0 = System.nanoTime();
        for (int k = 0; k < KILLS; k++) {
            Process child = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", cp,
                    SaveLoop.class.getName(), target.toString(), fa.toString(), fb.toString())
                    .redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            assertEquals("saving", first, "the child started");
            Thread.sleep(rnd.nextInt(0, 40)); // a random moment among the saves that follow (each a few ms)
            child.destroyForcibly();
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));
            String now = Files.readString(target);
            assertTrue(now.equals(a) || now.equals(b), "kill " + k + ": the target is the old or the new content, " + now.length() + " chars");
            try (var s = Files.list(work)) { if (s.count() > 1) killedMidSave++; }
        }
        assertTrue(killedMidSave > 0, "some kills landed inside a save (a temporary file was left)");
        // The next save removes what the killed saves left.
        ProjectFiles.write(base, target);
        List<Path> left = new ArrayList<>();
        try (var s = Files.list(work)) { s.forEach(left::add); }
        assertEquals(List.of(target), left, "no temporary file outlives the next save");
        System.out.println("SaveKillTest: " + KILLS + " kills in " + (System.nanoTime() - t0) / 1_000_000 + " ms; " + killedMidSave + " of them left a temporary file (cleaned by the next save)");
    }
}
