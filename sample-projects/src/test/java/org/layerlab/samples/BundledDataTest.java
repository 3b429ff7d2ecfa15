package org.layerlab.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.layerlab.compute.data.BundledSource;
import org.layerlab.compute.data.DataContext;
import org.layerlab.compute.data.Dataset;
import org.layerlab.compute.tensor.Shape;

/** The bundled data sets load from this module's resources with the right shapes and class counts. */
class BundledDataTest {
    @Test void irisHas150FlowersOf3SpeciesWith4Measurements() throws Exception {
        Dataset d = BundledSource.IRIS.load(BundledSource.IRIS.defaultParams(), DataContext.of(null)).data();
        assertEquals(150, d.size());
        assertEquals(Shape.of(4), d.sampleShape());
        assertEquals(List.of("setosa", "versicolor", "virginica"), d.classNames());
        assertArrayEquals(new int[] {50, 50, 50}, d.classCounts());
        assertEquals(List.of("sepal_length", "sepal_width", "petal_length", "petal_width"), d.featureNames());
        assertEquals(5.1f, d.x().get(0));
    }

    @Test void digitsAre1797ImagesOf8x8In10Classes() throws Exception {
        Dataset d = BundledSource.DIGITS.load(BundledSource.DIGITS.defaultParams(), DataContext.of(null)).data();
        assertEquals(1797, d.size());
        assertEquals(Shape.of(1, 8, 8), d.sampleShape());
        assertEquals(10, d.numClasses());
        int[] counts = d.classCounts();
        assertEquals(1797, java.util.Arrays.stream(counts).sum());
        for (int c : counts) assertTrue(c >= 170 && c <= 190, "each digit about a tenth: " + java.util.Arrays.toString(counts));
        float max = 0;
        for (float v : d.x().data()) max = Math.max(max, v);
        assertEquals(1f, max, "counts 0…16 scaled to 0…1");
        Dataset flat = BundledSource.DIGITS.load(BundledSource.DIGITS.defaultParams().with("layout", "flat"), DataContext.of(null)).data();
        assertEquals(Shape.of(64), flat.sampleShape());
    }

    @Test void theLicenceAndAttributionShipWithTheData() throws Exception {
        try (var in = BundledDataTest.class.getResourceAsStream("/org/layerlab/samples/data/LICENSE-DATA.md")) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(text.contains("Fisher") && text.contains("Alpaydin") && text.contains("CC BY 4.0"), text);
        }
    }
}
