package org.layerlab.compute.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.tensor.Tensor;

/** 8-bit features give the same floats, to the bit, as the float data set they stand for. */
class FeaturesTest {
    @TempDir Path dir;

    static final float[] PIXELS = new float[256];
    static { for (int i = 0; i < 256; i++) PIXELS[i] = i / 255f; }

    /** n samples of 1×5×3 with every byte value 0…255 somewhere, and the same values as floats. */
    static Dataset[] codesAndFloats(int n) {
        byte[] codes = new byte[n * 15];
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < codes.length; i++) codes[i] = (byte) (i < 256 ? i : rng.nextInt(256));
        float[] floats = new float[codes.length];
        for (int i = 0; i < codes.length; i++) floats[i] = (codes[i] & 0xFF) / 255f;
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) labels[i] = i % 4;
        Shape s = Shape.of(n, 1, 5, 3);
        List<String> classes = List.of("a", "b", "c", "d");
        return new Dataset[] {
            new Dataset("c", new Features.Codes(s, codes, PIXELS), labels, null, classes, List.of()),
            new Dataset("f", new Tensor(s, floats), labels, null, classes)};
    }

    static void assertBitsEqual(Tensor expected, Tensor actual) {
        assertEquals(expected.shape(), actual.shape());
        float[] e = expected.data(), a = actual.data();
        assertEquals(e.length, a.length);
        for (int i = 0; i < e.length; i++) assertEquals(Float.floatToRawIntBits(e[i]), Float.floatToRawIntBits(a[i]), "value " + i);
    }

    @Test void batchesOfCodesAreTheFloatBatchesToTheBit() {
        Dataset[] d = codesAndFloats(37);
        int[] order = Dataset.permutation(37, new SplittableRandom(9));
        for (int[] range : new int[][] {{0, 1}, {0, 37}, {5, 6}, {3, 20}, {36, 37}}) {
            Batch c = d[0].batch(order, range[0], range[1]), f = d[1].batch(order, range[0], range[1]);
            assertBitsEqual(f.x(), c.x());
            assertArrayEquals(f.labels(), c.labels());
        }
        assertBitsEqual(d[1].x(), d[0].x());
    }

    @Test void subsetsAndReshapesStayCodesWithTheSameValues() {
        Dataset[] d = codesAndFloats(20);
        int[] idx = {19, 0, 7, 7, 3};
        Dataset c = d[0].subset(idx, "s"), f = d[1].subset(idx, "s");
        assertInstanceOf(Features.Codes.class, c.features());
        assertEquals(5, c.size());
        assertBitsEqual(f.x(), c.x());
        assertArrayEquals(f.labels(), c.labels());
        Dataset flat = c.reshapedSamples(Shape.of(15));
        assertInstanceOf(Features.Codes.class, flat.features());
        assertEquals(Shape.of(15), flat.sampleShape());
        assertBitsEqual(f.reshapedSamples(Shape.of(15)).x(), flat.x());
        Dataset.Split split = d[0].split(0.25, 3), splitF = d[1].split(0.25, 3);
        assertBitsEqual(splitF.train().x(), split.train().x());
        assertBitsEqual(splitF.validation().x(), split.validation().x());
    }

    @Test void aDataSetSplitByTheProjectSplitKeepsItsCodes() {
        Dataset[] d = codesAndFloats(40);
        Dataset part = d[0].subset(Dataset.identity(10), "part");
        assertInstanceOf(Features.Codes.class, part.features());
        assertEquals(10, part.size());
        assertEquals(Shape.of(1, 5, 3), part.sampleShape());
    }

    @Test void idxImagesAreHeldAsBytesAndBatchAsTheirFloats() throws Exception {
        Path im = dir.resolve("im-idx3-ubyte.gz"), lb = dir.resolve("lb-idx1-ubyte.gz");
        IdxFilesTest.make(im, lb, 25);
        Dataset d = IdxFiles.read(im, lb, true, 100, "t", List.of());
        assertInstanceOf(Features.Codes.class, d.features());
        Tensor b = d.batch(new int[] {24, 2}, 0, 2).x();
        assertEquals(Shape.of(2, 6), b.shape());
        for (int j = 0; j < 6; j++) {
            assertEquals(Float.floatToRawIntBits((240 + j) / 255f), Float.floatToRawIntBits(b.get(j)));
            assertEquals(Float.floatToRawIntBits((20 + j) / 255f), Float.floatToRawIntBits(b.get(6 + j)));
        }
    }

    @Test void codesRefuseAWrongLengthOrTable() {
        assertThrows(IllegalArgumentException.class, () -> new Features.Codes(Shape.of(2, 3), new byte[5], PIXELS));
        assertThrows(IllegalArgumentException.class, () -> new Features.Codes(Shape.of(2, 3), new byte[6], new float[255]));
    }
}
