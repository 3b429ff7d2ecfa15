package org.layerlab.compute.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.tensor.Shape;

class IdxFilesTest {
    @TempDir Path dir;

    /** n images of 3×2 whose pixel j of image i is 10·i + j, labels i mod 3. */
    static void make(Path images, Path labels, int n) throws Exception {
        byte[] px = new byte[n * 6];
        for (int i = 0; i < n; i++) for (int j = 0; j < 6; j++) px[i * 6 + j] = (byte) (10 * i + j);
        byte[] lb = new byte[n];
        for (int i = 0; i < n; i++) lb[i] = (byte) (i % 3);
        IdxFiles.writeImages(images, px, n, 3, 2);
        IdxFiles.writeLabels(labels, lb);
    }

    @ParameterizedTest @ValueSource(strings = {"", ".gz"})
    void aPairRoundTripsRawAndGzipped(String ext) throws Exception {
        Path im = dir.resolve("im-idx3-ubyte" + ext), lb = dir.resolve("lb-idx1-ubyte" + ext);
        make(im, lb, 5);
        Dataset d = IdxFiles.read(im, lb, false, 100, "t", List.of());
        assertEquals(Shape.of(1, 3, 2), d.sampleShape());
        assertEquals(5, d.size());
        assertEquals(41 / 255f, d.x().get(4 * 6 + 1), 1e-7);
        assertArrayEquals(new int[] {0, 1, 2, 0, 1}, d.labels());
        assertEquals(List.of("0", "1", "2"), d.classNames());
        Dataset flat = IdxFiles.read(im, lb, true, 2, "t", List.of());
        assertEquals(Shape.of(2, 6), flat.x().shape());
    }

    @Test void labelsGivenAsImagesAreRefusedNamingBothMagicNumbers() throws Exception {
        Path im = dir.resolve("im"), lb = dir.resolve("lb");
        make(im, lb, 4);
        DataException e = assertThrows(DataException.class, () -> IdxFiles.read(lb, im, false, 10, "t", List.of()));
        assertEquals(lb + ": magic number: expected 0x00000803 (images), found 0x00000801 (labels): this is the other file of the pair", e.getMessage());
        assertEquals(lb.toString(), e.file());
    }

    @ParameterizedTest @ValueSource(strings = {"", ".gz"})
    void aTruncatedFileSaysTheBytesExpectedAndFoundAndTheImageItEndsIn(String ext) throws Exception {
        Path full = dir.resolve("full"), lb = dir.resolve("lb" + ext), im = dir.resolve("im" + ext);
        make(full, lb, 10);
        byte[] bytes = Files.readAllBytes(full);
        // 16-byte header + 4 whole images + 3 bytes of the fifth
        byte[] cut = Arrays.copyOf(bytes, 16 + 4 * 6 + 3);
        if (ext.isEmpty()) Files.write(im, cut);
        else try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(im))) { out.write(cut); }
        DataException e = assertThrows(DataException.class, () -> IdxFiles.read(im, lb, false, 100, "t", List.of()));
        assertEquals(im + ": the file is cut short: expected 76 bytes, found 43; it ends in image 5 of 10", e.getMessage());
    }

    @Test void hugeDeclaredDimensionsAreRefusedWithoutAllocatingThem() throws Exception {
        Path im = dir.resolve("im"), lb = dir.resolve("lb");
        IdxFiles.writeImages(im, new byte[12], 2_000_000_000, 28, 28);
        IdxFiles.writeLabels(lb, new byte[2]);
        DataException e = assertThrows(DataException.class, () -> IdxFiles.read(im, lb, false, Integer.MAX_VALUE, "t", List.of()));
        assertTrue(e.getMessage().startsWith(lb + ": has 2 labels but " + im + " has 2,000,000,000 images"), e.getMessage());
        IdxFiles.writeLabels(lb, new byte[12]);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 + 12);
        b.putInt(IdxFiles.LABELS_MAGIC).putInt(2_000_000_000);
        Files.write(lb, b.array());
        DataException big = assertThrows(DataException.class, () -> IdxFiles.read(im, lb, false, Integer.MAX_VALUE, "t", List.of(),
                DataContext.of(null).withMemoryBudget(1 << 20)));
        assertTrue(big.getMessage().contains("needs 5.7 TiB"), big.getMessage());
        DataException sides = assertThrows(DataException.class, () -> {
            IdxFiles.writeImages(im, new byte[12], 2, 100_000, 28);
            IdxFiles.read(im, lb, false, 10, "t", List.of());
        });
        assertTrue(sides.getMessage().contains("dimension 2: declares an image side of 100000"), sides.getMessage());
    }

    @Test void bytesBeyondTheDeclaredDataAreRefused() throws Exception {
        Path im = dir.resolve("im"), lb = dir.resolve("lb");
        make(im, lb, 3);
        Files.write(im, new byte[] {1, 2}, java.nio.file.StandardOpenOption.APPEND);
        DataException e = assertThrows(DataException.class, () -> IdxFiles.read(im, lb, false, 10, "t", List.of()));
        assertEquals(im + ": 2 bytes more than the header declares (34 bytes)", e.getMessage());
    }

    @Test void theIdxSourceKeepsItsTestFilesAsTheTestSplit() throws Exception {
        make(dir.resolve("train-im.gz"), dir.resolve("train-lb.gz"), 30);
        make(dir.resolve("test-im.gz"), dir.resolve("test-lb.gz"), 6);
        Params p = Params.of(DataSources.IDX.params(), Map.of("images", "train-im.gz", "labels", "train-lb.gz",
                "testImages", "test-im.gz", "testLabels", "test-lb.gz", "classes", "cat, dog, bird"));
        LoadedData d = DataSources.IDX.load(p, DataContext.of(dir));
        assertEquals(List.of("cat", "dog", "bird"), d.data().classNames());
        Splits s = DataSplit.apply(d, DataSplit.of(0.2, 0.3, 1));
        assertEquals(6, s.test().size());
        assertEquals(24, s.train().size());
    }
}
