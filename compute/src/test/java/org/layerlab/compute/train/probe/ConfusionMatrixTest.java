package org.layerlab.compute.train.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {
    @Test
    void countsAndPerClassScoresMatchAHandTally() {
        // true:      0 0 0 0 1 1 1 2 2 2
        // predicted: 0 0 0 1 1 1 0 2 2 1
        ConfusionMatrix m = ConfusionMatrix.of(List.of("a", "b", "c"),
                new int[] {0, 0, 0, 0, 1, 1, 1, 2, 2, 2}, new int[] {0, 0, 0, 1, 1, 1, 0, 2, 2, 1});
        assertEquals(3, m.count(0, 0));
        assertEquals(1, m.count(0, 1));
        assertEquals(1, m.count(1, 0));
        assertEquals(0.75, m.rowNormalised(0, 0), 1e-12);
        assertEquals(3.0 / 4, m.precision(0), 1e-12);   // predicted 0: three right of four
        assertEquals(2.0 / 4, m.precision(1), 1e-12);   // predicted 1: two right of four
        assertEquals(2.0 / 3, m.recall(1), 1e-12);
        assertEquals(1.0, m.precision(2), 1e-12);
        assertEquals(2 * 0.5 * (2.0 / 3) / (0.5 + 2.0 / 3), m.f1(1), 1e-12);
        assertEquals(0.7, m.accuracy(), 1e-12);
    }

    @Test
    void aClassNeverPredictedHasUndefinedPrecision() {
        ConfusionMatrix m = ConfusionMatrix.of(List.of("a", "b"), new int[] {0, 1}, new int[] {0, 0});
        assertTrue(Double.isNaN(m.precision(1)));
        assertEquals(0.0, m.recall(1));
    }
}
