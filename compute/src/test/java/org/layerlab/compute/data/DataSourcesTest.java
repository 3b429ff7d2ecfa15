package org.layerlab.compute.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.ReferenceNetworks;
import org.layerlab.compute.tensor.Shape;

class DataSourcesTest {
    /** Every text of a bundle of the data-source catalog, as shown (quotes resolved). */
    private static java.util.Set<String> bundleTexts(java.util.Locale locale) {
        var b = java.util.ResourceBundle.getBundle("org.layerlab.compute.i18n.datasources", locale,
                java.util.ResourceBundle.Control.getNoFallbackControl(java.util.ResourceBundle.Control.FORMAT_PROPERTIES));
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String k : b.keySet()) out.add(new java.text.MessageFormat(b.getString(k)).format(new Object[0]));
        return out;
    }

    @Test void sourceNamesDescriptionsAndSettingLabelsComeFromTheBundlesInBothLanguages() {
        var english = bundleTexts(java.util.Locale.ROOT);
        var chinese = java.util.ResourceBundle.getBundle("org.layerlab.compute.i18n.datasources", java.util.Locale.SIMPLIFIED_CHINESE,
                java.util.ResourceBundle.Control.getNoFallbackControl(java.util.ResourceBundle.Control.FORMAT_PROPERTIES));
        List<org.layerlab.compute.catalog.ParamSpec> settings = new java.util.ArrayList<>(DataSplit.PARAMS);
        for (DataSource s : DataSources.CATALOG.all()) {
            assertTrue(english.contains(s.displayName()), s.id() + ": " + s.displayName());
            assertTrue(english.contains(s.description()), s.id() + ": " + s.description());
            assertTrue(chinese.containsKey("source." + s.id()) && chinese.containsKey("source." + s.id() + ".about"), s.id());
            settings.addAll(s.params());
        }
        for (var p : settings) {
            assertTrue(english.contains(p.label()), p.name() + ": " + p.label());
            assertTrue(english.contains(p.description()), p.name() + ": " + p.description());
            for (String c : p.choices()) assertTrue(english.contains(p.choiceLabel(c)), p.name() + "." + c + ": " + p.choiceLabel(c));
        }
        assertEquals("The CSV or TSV file (relative to the project's folder, or absolute).",
                DataSources.CSV.params().get(0).description(), "a quote in the bundle reads as one");
        assertEquals("双螺旋", chinese.getString("source.two-spirals"));
    }
    static Iterable<DatasetGenerator> generators() { return DatasetGenerators.CATALOG.all(); }

    @ParameterizedTest @MethodSource("generators")
    void everyGeneratorIsASourceAndReproducibleForItsSeed(DatasetGenerator g) throws Exception {
        assertEquals(g, DataSources.CATALOG.get(g.id()));
        Params p = Params.of(g.params(), Map.of("samples", 300, "noise", 0.2, "seed", 5));
        Dataset a = g.load(p, DataContext.of(null)).data(), b = g.load(p, DataContext.of(null)).data();
        assertEquals(300, a.size());
        assertArrayEquals(a.x().data(), b.x().data());
        assertEquals(g.sampleShape(p), a.sampleShape());
        assertEquals(g.regression(p), a.isRegression());
        Dataset other = g.generate(p.with("seed", 6));
        assertFalse(java.util.Arrays.equals(a.x().data(), other.x().data()), "another seed gives other points");
        if (a.isRegression()) {
            assertNull(a.labels());
            assertEquals(300, a.targets().length);
            for (float t : a.targets()) assertTrue(t >= -2 && t <= 2, "targets lie near [-1, 1], got " + t);
        } else {
            assertEquals(List.of("A", "B"), a.classNames());
            int[] counts = a.classCounts();
            assertTrue(counts[0] > 100 && counts[1] > 100, "both classes present: " + java.util.Arrays.toString(counts));
        }
        for (float v : a.x().data()) assertTrue(Float.isFinite(v) && Math.abs(v) < 12, "points lie in the common range, got " + v);
    }

    @Test void theCatalogHasTheTeachingRegressionDrawnAndFileSources() {
        assertTrue(DataSources.CATALOG.ids().containsAll(List.of("two-spirals", "circles", "xor", "gaussians", "moons",
                "plane", "multi-gaussian", "sine", "drawn", "idx", "mnist", "fashion-mnist")));
        for (DataSource s : DataSources.CATALOG.all()) {
            Params.defaults(s.params()); // every declared default is valid
            assertFalse(s.displayName().isBlank());
            assertFalse(s.description().isBlank());
        }
    }

    @Test void sineIsOneInputOneValue() {
        Dataset d = DatasetGenerators.SINE.generate(Params.defaults(DatasetGenerators.SINE.params()));
        assertEquals(Shape.of(1), d.sampleShape());
        for (int i = 0; i < d.size(); i++) assertEquals(Math.sin(d.x().get(i)), d.targets()[i], 1e-5, "no noise by default");
    }

    @Test void drawnPointsBecomeADataSetAndBadClassesAreNamed() throws Exception {
        DrawnSource s = DataSources.DRAWN;
        Params p = s.defaultParams();
        List<DrawnPoint> pts = List.of(new DrawnPoint(1, 2, 0), new DrawnPoint(-1, 0.5, 1), new DrawnPoint(3, 3, 1));
        Dataset d = s.load(p, DataContext.of(null).withPoints(pts)).data();
        assertArrayEquals(new float[] {1, 2, -1, 0.5f, 3, 3}, d.x().data());
        assertArrayEquals(new int[] {0, 1, 1}, d.labels());
        DataException none = assertThrows(DataException.class, () -> s.load(p, DataContext.of(null)));
        assertTrue(none.getMessage().contains("no points"), none.getMessage());
        DataException bad = assertThrows(DataException.class, () -> s.load(p, DataContext.of(null).withPoints(List.of(new DrawnPoint(0, 0, 0), new DrawnPoint(0, 0, 2)))));
        assertEquals("point 2: class 2 is not one of the classes 0 to 1", bad.getMessage());
        Dataset r = s.load(p.with("problem", "regression"), DataContext.of(null).withPoints(List.of(new DrawnPoint(0, 0, 0.25)))).data();
        assertTrue(r.isRegression());
        assertArrayEquals(new float[] {0.25f}, r.targets());
    }

    @Test void theInputShapeFollowsTheData() {
        ModelGraph g = ReferenceNetworks.fashionMlp();
        ModelGraph images = InputShapes.follow(g, Shape.of(1, 28, 28));
        assertEquals(List.of(1, 28, 28), images.nodes().stream().filter(n -> n.type().equals("input")).findFirst().orElseThrow().params().getShape("shape"));
        assertEquals(g, InputShapes.follow(g, Shape.of(784)), "already that shape: the same graph");
        assertNotEquals(g, images);
    }

    @Test void tooLargeADataSetIsRefusedWithTheSizeItNeeds() {
        DataContext tiny = DataContext.of(null).withMemoryBudget(1000);
        DataException e = assertThrows(DataException.class, () -> DatasetGenerators.XOR.load(DatasetGenerators.XOR.defaultParams(), tiny));
        assertTrue(e.getMessage().contains("4.7 KiB") && e.getMessage().contains("1000 B"), e.getMessage());
    }
}
