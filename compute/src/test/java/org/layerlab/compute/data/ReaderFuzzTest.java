package org.layerlab.compute.data;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.compute.catalog.Params;

/**
 * Mutated CSV and IDX inputs (truncations, byte flips, wrong delimiters, huge field counts, huge declared
 * dimensions): each one loads or fails with a {@link DataException} naming the file; nothing else is thrown, nothing
 * hangs, and no read allocates much more than the file could back.
 */
class ReaderFuzzTest {
    static final int CASES = 10_000;
    @TempDir Path dir;

    private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static final List<String> CSV_SEEDS = List.of(
            "a,b,label\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n",
            "\uFEFFname;\"size; cm\";kind\r\n\"a \"\"b\"\"\";1.5;x\r\nc;\"2\";\"y\r\nz\"\r\nd;3;x\r\n",
            "1\t2\t0\n3\t4\t1\nNA\t6\t1\n",
            "x,y\n0,0.5\n1,1.5\n2,\n3,3.5\n");

    @Test void csvMutationsLoadOrFailNamingTheFile() {
        SplittableRandom rng = new SplittableRandom(1);
        Params defaults = DataSources.CSV.defaultParams();
        Params dropping = Params.defaults(DataSources.CSV.params());
        DataContext ctx = DataContext.of(null).withMemoryBudget(64L << 20);
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            int loaded = 0;
            for (int i = 0; i < CASES; i++) {
                byte[] in = mutate(CSV_SEEDS.get(i % CSV_SEEDS.size()).getBytes(StandardCharsets.UTF_8), rng, true);
                long before = THREADS.getCurrentThreadAllocatedBytes();
                try {
                    CsvTable t = CsvTable.parse(in, "fuzz.csv", (char) 0, null);
                    CsvSource.toDataset(t, i % 2 == 0 ? defaults : dropping, ctx);
                    loaded++;
                } catch (DataException e) {
                    assertTrue(e.getMessage().startsWith("fuzz.csv: "), "case " + i + ": " + e.getMessage());
                } catch (RuntimeException | Error e) {
                    fail("case " + i + " (" + new String(in, StandardCharsets.UTF_8).replace("\n", "\\n") + "): " + e, e);
                }
                long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
                assertTrue(allocated < 1000L * in.length + (4 << 20), "case " + i + " allocated " + allocated + " bytes for " + in.length);
            }
            assertTrue(loaded > CASES / 20, "some mutations still load: " + loaded);
        });
    }

    @Test void idxMutationsLoadOrFailNamingTheFile() throws Exception {
        SplittableRandom rng = new SplittableRandom(2);
        byte[] px = new byte[20 * 16];
        for (int i = 0; i < px.length; i++) px[i] = (byte) rng.nextInt(256);
        byte[] lb = new byte[20];
        for (int i = 0; i < lb.length; i++) lb[i] = (byte) rng.nextInt(10);
        Path im = dir.resolve("images-idx3-ubyte"), lab = dir.resolve("labels-idx1-ubyte");
        Path imGz = dir.resolve("images-idx3-ubyte.gz"), labGz = dir.resolve("labels-idx1-ubyte.gz");
        IdxFiles.writeImages(im, px, 20, 4, 4);
        IdxFiles.writeLabels(lab, lb);
        IdxFiles.writeImages(imGz, px, 20, 4, 4);
        IdxFiles.writeLabels(labGz, lb);
        byte[][] seeds = {Files.readAllBytes(im), Files.readAllBytes(lab), Files.readAllBytes(imGz), Files.readAllBytes(labGz)};
        String[] names = {"images-idx3-ubyte", "labels-idx1-ubyte", "images-idx3-ubyte.gz", "labels-idx1-ubyte.gz"};
        DataContext ctx = DataContext.of(null).withMemoryBudget(256L << 20);
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            int loaded = 0;
            for (int i = 0; i < CASES; i++) {
                int k = i % 4;
                byte[] in = mutate(seeds[k], rng, false);
                boolean imagesMutated = k % 2 == 0;
                // in memory (the same reader as for files): writing 10,000 files would measure the disk, not the reader
                String images = imagesMutated ? names[k] : names[k ^ 1], labels = imagesMutated ? names[k ^ 1] : names[k];
                byte[] imageBytes = imagesMutated ? in : seeds[k ^ 1], labelBytes = imagesMutated ? seeds[k ^ 1] : in;
                long before = THREADS.getCurrentThreadAllocatedBytes();
                try {
                    IdxFiles.read(images, imageBytes, labels, labelBytes, i % 3 == 0, Integer.MAX_VALUE, "fuzz", List.of(), ctx);
                    loaded++;
                } catch (DataException e) {
                    assertTrue(e.getMessage().startsWith(images + ": ") || e.getMessage().startsWith(labels + ": "), "case " + i + ": " + e.getMessage());
                } catch (RuntimeException | Error e) {
                    fail("case " + i + ": " + e, e);
                }
                long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
                assertTrue(allocated < (8 << 20), "case " + i + " allocated " + allocated + " bytes for a " + in.length + "-byte file");
            }
            assertTrue(loaded > 0, "some mutations still load");
        });
    }

    /** One or a few mutations of {@code seed}: truncation, flips, inserted structure, swapped delimiters, huge counts. */
    static byte[] mutate(byte[] seed, SplittableRandom rng, boolean text) {
        byte[] b = seed.clone();
        int rounds = 1 + rng.nextInt(3);
        for (int r = 0; r < rounds; r++) {
            switch (rng.nextInt(text ? 7 : 5)) {
                case 0 -> b = java.util.Arrays.copyOf(b, rng.nextInt(b.length + 1));
                case 1 -> { if (b.length > 0) b[rng.nextInt(b.length)] ^= (byte) (1 << rng.nextInt(8)); }
                case 2 -> { if (b.length > 0) b[rng.nextInt(b.length)] = (byte) rng.nextInt(256); }
                case 3 -> { // a header field (count, height, width) set to something huge or odd
                    if (b.length >= 16) {
                        int at = 4 * (1 + rng.nextInt(3));
                        int v = switch (rng.nextInt(4)) { case 0 -> Integer.MAX_VALUE; case 1 -> -1; case 2 -> 1 << rng.nextInt(31); default -> rng.nextInt(100); };
                        b[at] = (byte) (v >>> 24); b[at + 1] = (byte) (v >>> 16); b[at + 2] = (byte) (v >>> 8); b[at + 3] = (byte) v;
                    }
                }
                case 4 -> { // a slice repeated
                    if (b.length > 1) {
                        int from = rng.nextInt(b.length), len = 1 + rng.nextInt(Math.min(64, b.length - from));
                        byte[] out = new byte[b.length + len];
                        System.arraycopy(b, 0, out, 0, from + len);
                        System.arraycopy(b, from, out, from + len, b.length - from);
                        b = out;
                    }
                }
                case 5 -> { // every delimiter swapped for another
                    byte[] ds = {',', '\t', ';', '|', ' '};
                    byte from = ds[rng.nextInt(ds.length)], to = ds[rng.nextInt(ds.length)];
                    for (int i = 0; i < b.length; i++) if (b[i] == from) b[i] = to;
                }
                default -> { // structure inserted: quotes, line ends, or a row with a huge number of fields
                    byte[] ins = switch (rng.nextInt(4)) {
                        case 0 -> "\"".getBytes(StandardCharsets.UTF_8);
                        case 1 -> "\r\n".getBytes(StandardCharsets.UTF_8);
                        case 2 -> ",".repeat(rng.nextInt(16) == 0 ? 150_000 : 1 + rng.nextInt(20)).getBytes(StandardCharsets.UTF_8);
                        default -> "NaN".getBytes(StandardCharsets.UTF_8);
                    };
                    int at = rng.nextInt(b.length + 1);
                    byte[] out = new byte[b.length + ins.length];
                    System.arraycopy(b, 0, out, 0, at);
                    System.arraycopy(ins, 0, out, at, ins.length);
                    System.arraycopy(b, at, out, at + ins.length, b.length - at);
                    b = out;
                }
            }
        }
        return b;
    }
}
