package org.layerlab.charts.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.layerlab.compute.data.Dataset;
import org.layerlab.compute.data.Features;
import org.layerlab.compute.tensor.Shape;

class PreviewDataTest {
    /** Images kept as 8-bit codes are previewed through their table, value for value what the float view gives. */
    @Test void byteImagesArePreviewedAsTheirFloats() {
        byte[] codes = new byte[3 * 2 * 2];
        for (int i = 0; i < codes.length; i++) codes[i] = (byte) (i * 23);
        float[] table = new float[256];
        for (int i = 0; i < 256; i++) table[i] = i / 255f;
        Dataset d = new Dataset("images", new Features.Codes(Shape.of(3, 1, 2, 2), codes, table), new int[] {0, 1, 0}, null,
                List.of("a", "b"), List.of());
        PreviewData p = PreviewData.of(d, null);
        assertEquals(3, p.rows());
        assertEquals(4, p.columnCount());
        float[] floats = d.x().data();
        for (int r = 0; r < 3; r++) for (int c = 0; c < 4; c++) assertEquals(floats[r * 4 + c], p.value(r, c), 0f, r + "," + c);
        ColumnStats.Row first = ColumnStats.of(p).get(0);
        assertEquals(Math.min(floats[0], Math.min(floats[4], floats[8])), first.min(), 0);
        assertEquals(Math.max(floats[0], Math.max(floats[4], floats[8])), first.max(), 0);
    }
}
