package org.layerlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.compute.data.IdxFiles;
import org.layerlab.samples.SampleProjects;

/** {@code layerlab data} describes files, and {@code train --data} trains a project's network on another file. */
class DataCommandTest {
    @TempDir Path dir;

    private record Result(int exit, String out, String err) {}

    private static Result cli(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int exit = LayerLabCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(exit, out.toString(), err.toString());
    }

    /** Two noisy clusters in 3 columns with a text label: easy to learn, 200 rows. */
    private Path clusters() throws Exception {
        StringBuilder sb = new StringBuilder("a,b,c,kind\n");
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        for (int i = 0; i < 200; i++) {
            double c = i % 2 == 0 ? -2 : 2;
            sb.append(String.format(java.util.Locale.ROOT, "%.3f,%.3f,%.3f,%s%n", c + rng.nextGaussian() * 0.5,
                    -c + rng.nextGaussian() * 0.5, rng.nextGaussian(), i % 2 == 0 ? "left" : "right"));
        }
        Path f = dir.resolve("clusters.csv");
        Files.writeString(f, sb.toString());
        return f;
    }

    @Test void describesATableWithItsLabelClassesAndColumnStatistics() throws Exception {
        Path f = clusters();
        Result r = cli("data", f.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith(f + ": table, 200 rows, 4 columns (comma-separated, header row)"), r.out());
        assertTrue(r.out().contains("label kind: 2 classes"), r.out());
        assertTrue(r.out().matches("(?s).*\\n  left\\s+100\\n  right\\s+100\\n.*"), r.out());
        assertTrue(r.out().matches("(?s).*\\na\\s+number\\s+-?[0-9.]+\\s+[0-9.]+\\s+-?[0-9.e-]+\\s+0\\n.*"), r.out());
        assertTrue(r.out().contains("kind    text (2 values)   "), r.out());
    }

    @Test void aBadTableExitsWith2AndOneLineNamingFileAndPlace() throws Exception {
        StringBuilder sb = new StringBuilder("a,b,c,d,e\n");
        for (int i = 2; i < 12; i++) sb.append("1,2,3,4,5\n");
        sb.append("1,2,3,4\n");
        Path f = dir.resolve("scores.csv");
        Files.writeString(f, sb.toString());
        Result r = cli("data", f.toString());
        assertEquals(2, r.exit());
        assertEquals("layerlab: " + f + ": line 12: 4 fields, the header has 5", r.err().strip());
        assertEquals("", r.out());
    }

    @Test void describesAnIdxPairAndRefusesLabelsGivenAsImages() throws Exception {
        Path im = dir.resolve("im-idx3-ubyte.gz"), lb = dir.resolve("lb-idx1-ubyte.gz");
        byte[] px = new byte[6 * 4 * 5];
        for (int i = 0; i < px.length; i++) px[i] = (byte) (i * 7);
        IdxFiles.writeImages(im, px, 6, 4, 5);
        IdxFiles.writeLabels(lb, new byte[] {0, 1, 2, 0, 1, 2});
        Result r = cli("data", im.toString(), "--labels", lb.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith(im + ": IDX images, 6 images of 1×4×5"), r.out());
        assertTrue(r.out().contains("3 classes"), r.out());
        Result swapped = cli("data", lb.toString(), "--labels", im.toString());
        assertEquals(2, swapped.exit());
        assertEquals("layerlab: " + lb + ": magic number: expected 0x00000803 (images), found 0x00000801 (labels): this is the other file of the pair", swapped.err().strip());
    }

    @Test void trainsAProjectsNetworkOnAnotherFileWithTheInputFollowingIt() throws Exception {
        Path project = dir.resolve("clusters.layerlab");
        Files.writeString(project, SampleProjects.TWO_CLUSTERS.json());
        Path f = clusters();
        Result r = cli("train", project.toString(), "--data", f.toString(), "--label", "kind", "--no-progress", "--epochs", "20");
        assertEquals(0, r.exit(), r.err());
        Map<String, Double> m = r.out().lines().map(l -> l.trim().split("\\s+")).filter(p -> p.length == 2)
                .collect(Collectors.toMap(p -> p[0], p -> Double.parseDouble(p[1])));
        assertTrue(m.get("accuracy") > 0.95, r.out());
        assertTrue(m.containsKey("val_accuracy"), r.out());
        assertTrue(r.err().contains("epoch 20") && r.err().contains("val_loss"), "validation metrics during training: " + r.err());
        Result bad = cli("train", project.toString(), "--data", f.toString(), "--label", "colour", "--no-progress");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().strip().startsWith("layerlab: " + f + ": no column \"colour\""), bad.err());
    }
}
