package org.layerlab.compute.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.layerlab.compute.catalog.InvalidParamException;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.tensor.Tensor;

class DataSplitTest {
    /** 100 samples: 80 of class 0, 20 of class 1; feature = the sample's index. */
    private static Dataset unbalanced() {
        float[] x = new float[100];
        int[] y = new int[100];
        for (int i = 0; i < 100; i++) { x[i] = i; y[i] = i < 80 ? 0 : 1; }
        return new Dataset("u", Tensor.of(x, 100, 1), y, null, List.of("a", "b"));
    }

    @Test void stratifiedPartsKeepEachClassShareAndCoverEverySampleOnce() throws Exception {
        Splits s = DataSplit.apply(LoadedData.of(unbalanced()), DataSplit.of(0.2, 0.1, 3));
        assertArrayEquals(new int[] {16, 4}, s.validation().classCounts());
        assertArrayEquals(new int[] {8, 2}, s.test().classCounts());
        assertArrayEquals(new int[] {56, 14}, s.train().classCounts());
        Set<Float> seen = new HashSet<>();
        for (Dataset d : List.of(s.train(), s.validation(), s.test())) for (float v : d.x().data()) assertTrue(seen.add(v), "sample " + v + " twice");
        assertEquals(100, seen.size());
    }

    @Test void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() throws Exception {
        Splits a = DataSplit.apply(LoadedData.of(unbalanced()), DataSplit.of(0.3, 0, 1));
        Splits b = DataSplit.apply(LoadedData.of(unbalanced()), DataSplit.of(0.3, 0, 1));
        Splits c = DataSplit.apply(LoadedData.of(unbalanced()), DataSplit.of(0.3, 0, 2));
        assertArrayEquals(a.validation().x().data(), b.validation().x().data());
        assertTrue(!java.util.Arrays.equals(a.validation().x().data(), c.validation().x().data()));
        assertNull(a.test());
    }

    @Test void aSourcesOwnTestPartIsTheTestSplit() throws Exception {
        Dataset own = unbalanced().named("own test");
        Splits s = DataSplit.apply(new LoadedData(unbalanced(), own), DataSplit.of(0.1, 0.5, 1));
        assertSame(own, s.test());
        assertEquals(90, s.train().size(), "the test ratio does not apply: only validation comes out of the training files");
    }

    @Test void regressionIsSplitWithoutClasses() throws Exception {
        Dataset sine = DatasetGenerators.SINE.generate(DatasetGenerators.SINE.defaultParams());
        Splits s = DataSplit.apply(LoadedData.of(sine), DataSplit.of(0.25, 0.25, 1));
        assertEquals(200, s.train().size());
        assertEquals(100, s.validation().size());
        assertEquals(100, s.test().targets().length);
    }

    @Test void ratiosThatLeaveNothingToTrainOnAreRefused() {
        InvalidParamException e = assertThrows(InvalidParamException.class, () -> DataSplit.of(0.5, 0.5, 1));
        assertTrue(e.getMessage().contains("too little to train on"), e.getMessage());
    }

    @Test void normalisationIsFittedOnTheTrainingPartOnly() throws Exception {
        Splits s = DataSplit.apply(LoadedData.of(unbalanced()), DataSplit.of(0.2, 0, 1));
        Normalization n = Normalization.fit(s.train(), Normalization.MINMAX);
        Splits z = n.apply(s);
        float lo = Float.MAX_VALUE, hi = -Float.MAX_VALUE;
        for (float v : z.train().x().data()) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        assertEquals(0, lo, 1e-6);
        assertEquals(1, hi, 1e-6);
        Normalization st = Normalization.fit(s.train(), Normalization.STANDARDIZE);
        double mean = 0;
        for (float v : st.apply(s.train()).x().data()) mean += v;
        assertEquals(0, mean / s.train().size(), 1e-5);
        assertTrue(Params.defaults(DataSplit.PARAMS).getBoolean("stratified"));
    }
}
