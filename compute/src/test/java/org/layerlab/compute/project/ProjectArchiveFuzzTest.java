package org.layerlab.compute.project;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.layerlab.compute.export.Mutations;

/**
 * Mutated project archives load or fail with LayerLab's error naming the file: never another exception, never a
 * hang, never an allocation the file cannot back. Half the cases damage the archive's bytes (headers, directory,
 * compressed data); half damage one entry's contents and zip them again properly, so the damage reaches the JSON
 * and safetensors readers behind the archive layer.
 */
class ProjectArchiveFuzzTest {
    static final int CASES = 10_000;

    @Test void tenThousandMutatedArchivesLoadOrFailWithLayerLabsError() throws Exception {
        Project p = ProjectFilesTest.sample().withRuns(List.of(ProjectFilesRunsTest.run(1, 10, 5, null, null, 3)));
        ProjectBundle bundle = ProjectBundle.of(p)
                .withWeights(1, RunWeights.of(org.layerlab.compute.export.TrainedModel.of(
                        org.layerlab.compute.graph.CompiledNetwork.compile(p.graph(), 2), List.of("a", "b"))))
                .withEntry("data/points.csv", "x,y\n1,2\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] good = ProjectArchive.encode(bundle);
        SafeZip zip = SafeZip.open(good, "good");
        List<String> names = zip.names();
        byte[][] contents = new byte[names.size()][];
        for (int i = 0; i < names.size(); i++) contents[i] = zip.read(names.get(i));

        SplittableRandom rng = new SplittableRandom(1202);
        int loaded = 0, refused = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < CASES; i++) {
            byte[] b;
            if (rng.nextBoolean()) {
                // Raw damage: half of it aimed at the central directory and end record, where the structure is.
                b = Mutations.mutate(good, rng, good.length);
                if (rng.nextBoolean()) b = mutateTail(good, rng);
            } else {
                int victim = rng.nextInt(names.size());
                ZipWriter w = new ZipWriter();
                for (int k = 0; k < names.size(); k++) {
                    w.add(names.get(k), k == victim ? Mutations.mutate(contents[k], rng, Math.min(contents[k].length, 400)) : contents[k]);
                }
                b = w.finish();
            }
            try {
                ProjectArchive.decode(b, "fuzz.layerlab");
                loaded++;
            } catch (ProjectFileException e) {
                assertTrue(e.getMessage().startsWith("fuzz.layerlab"), e.getMessage());
                refused++;
            } catch (RuntimeException | Error e) {
                fail("case " + i + ": " + e, e);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(java.util.Locale.ROOT, "archive fuzz: %d cases, %d loaded, %d refused, %.1f s%n", CASES, loaded, refused, seconds);
        assertTrue(loaded > 0 && refused > CASES / 4, loaded + " loaded, " + refused + " refused");
        assertTrue(seconds < 120, "bounded time (about 3 s on an idle machine)");
    }

    private static byte[] mutateTail(byte[] good, SplittableRandom rng) {
        byte[] b = good.clone();
        int tail = Math.min(b.length, 400);
        for (int k = 1 + rng.nextInt(3); k > 0; k--) {
            int at = b.length - 1 - rng.nextInt(tail);
            b[at] = rng.nextInt(3) == 0 ? (byte) 0xFF : (byte) rng.nextInt(256);
        }
        return b;
    }
}
