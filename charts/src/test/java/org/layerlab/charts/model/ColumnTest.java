package org.layerlab.charts.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ColumnTest {
    @Test
    void holdsEveryValueAcrossChunksInOrder() {
        int n = 3 * Column.CHUNK + 17; // the growing first chunk, full chunks and a partial last one
        double[] expected = new double[n];
        SplittableRandom rng = new SplittableRandom(5);
        Column c = new Column();
        for (int i = 0; i < n; i++) {
            expected[i] = rng.nextDouble();
            c.add(expected[i]);
            assertEquals(i + 1, c.size());
        }
        assertArrayEquals(expected, c.toArray(), 0.0);
        for (int i : new int[] {0, 15, 16, Column.CHUNK - 1, Column.CHUNK, 2 * Column.CHUNK + 3, n - 1}) {
            assertEquals(expected[i], c.get(i), 0.0, "value " + i);
        }
        c.set(Column.CHUNK, -1);
        assertEquals(-1, c.get(Column.CHUNK), 0.0);
        assertArrayEquals(java.util.Arrays.copyOf(c.toArray(), 40), c.toArray(40), 0.0);
        assertArrayEquals(expected, Column.of(expected).toArray(), 0.0);
    }
}
