package org.layerlab.compute.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.project.DatasetSpec;

class CsvSourceTest {
    @TempDir Path dir;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, text.getBytes(StandardCharsets.UTF_8));
        return p;
    }

    private Params settings(String file, Object... kv) throws Exception {
        Map<String, Object> m = new HashMap<>();
        m.put("file", file);
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return Params.of(DataSources.CSV.params(), m);
    }

    private Dataset load(String file, Object... kv) throws Exception {
        return DataSources.CSV.load(settings(file, kv), DataContext.of(dir)).data();
    }

    private DataException fails(String file, Object... kv) {
        return assertThrows(DataException.class, () -> load(file, kv));
    }

    @Test void bomCrlfSemicolonsAndRfc4180QuotingAreDetected() throws Exception {
        write("q.csv", "\uFEFFname;\"size; cm\";kind\r\n\"a \"\"b\"\"\";1,5;x\r\nc;\"2\";\"y\r\nz\"\r\nd;3;x\r\n");
        CsvTable t = CsvSource.table(settings("q.csv", "delimiter", "auto"), DataContext.of(dir));
        assertEquals(';', t.delimiter());
        assertTrue(t.hasHeader() && t.hadBom() && t.crlf());
        assertEquals(List.of("name", "size; cm", "kind"), t.columns());
        assertArrayEquals(new String[] {"a \"b\"", "1,5", "x"}, t.row(0));
        assertArrayEquals(new String[] {"c", "2", "y\r\nz"}, t.row(1));
        assertEquals(5, t.line(2), "the row after a quoted line break starts on line 5");
    }

    @Test void tabsAndAHeaderlessFileAreDetected() throws Exception {
        write("t.tsv", "1\t2\t0\n3\t4\t1\n5\t6\t1\n");
        Dataset d = load("t.tsv");
        assertEquals(List.of("column 1", "column 2"), d.featureNames());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, d.x().data());
        assertArrayEquals(new int[] {0, 1, 1}, d.labels());
        assertEquals(List.of("0", "1"), d.classNames());
    }

    @Test void aRowWithTheWrongNumberOfFieldsNamesItsLine() throws Exception {
        StringBuilder sb = new StringBuilder("a,b,c,d,e\n");
        for (int i = 2; i < 12; i++) sb.append("1,2,3,4,x\n");
        sb.append("1,2,3,4\n");
        write("scores.csv", sb.toString());
        assertEquals("scores.csv: line 12: 4 fields, the header has 5", fails("scores.csv").getMessage());
    }

    @Test void aWordInANumberColumnNamesLineColumnNumberNameAndValue() throws Exception {
        write("p.csv", "height,age,kind\n1.5,30,a\n1.7,abc,b\n");
        DataException e = fails("p.csv");
        assertEquals("p.csv: line 3, column 2 (age): \"abc\" is not a number (choose one-hot encoding for a text column)", e.getMessage());
        assertEquals("p.csv", e.file());
        assertEquals("line 3, column 2 (age)", e.place());
    }

    @Test void missingValuesAreReportedOrDroppedOrFilledOnlyWhenChosen() throws Exception {
        write("m.csv", "x,y,label\n1,2,a\nNA,4,b\n5,,a\n7,8,b\n");
        assertEquals("m.csv: line 3, column 1 (x): missing value (\"NA\"); choose to drop such rows or fill in the mean", fails("m.csv").getMessage());
        Dataset dropped = load("m.csv", "missing", "drop");
        assertArrayEquals(new float[] {1, 2, 7, 8}, dropped.x().data());
        Dataset filled = load("m.csv", "missing", "impute");
        assertArrayEquals(new float[] {1, 2, 13 / 3f, 4, 5, 14 / 3f, 7, 8}, filled.x().data(), 1e-6f);
        write("l.csv", "x,label\n1,a\n2,NaN\n3,b\n");
        assertTrue(fails("l.csv", "missing", "impute").getMessage().startsWith("l.csv: line 3, column 2 (label): missing label"));
    }

    @Test void chosenColumnsCategoricalLabelsAndOneHotFeaturesGiveTheExpectedTensor() throws Exception {
        write("c.csv", "id,color,w,kind\n1,red,0.5,cat\n2,blue,1.5,dog\n3,red,2.5,cat\n4,green,3.5,bird\n");
        Dataset d = load("c.csv", "label", "kind", "features", "color, w", "oneHot", "color");
        assertEquals(List.of("color=blue", "color=green", "color=red", "w"), d.featureNames());
        assertArrayEquals(new float[] {0, 0, 1, 0.5f, 1, 0, 0, 1.5f, 0, 0, 1, 2.5f, 0, 1, 0, 3.5f}, d.x().data());
        assertEquals(List.of("bird", "cat", "dog"), d.classNames());
        assertArrayEquals(new int[] {1, 2, 1, 0}, d.labels());
        assertEquals(List.of("w"), load("c.csv", "label", "4", "features", "3").featureNames(), "columns by number");
        assertTrue(fails("c.csv", "label", "species").getMessage().contains("no column \"species\" for the label setting (the columns are: id, color, w, kind)"));
        assertTrue(fails("c.csv", "label", "kind").getMessage().contains("\"red\" is not a number"));
    }

    @Test void manyDifferentNumbersAreARegressionAndFewWholeOnesClasses() throws Exception {
        StringBuilder sb = new StringBuilder("x,y\n");
        for (int i = 0; i < 50; i++) sb.append(i).append(',').append(i * 0.5).append('\n');
        write("r.csv", sb.toString());
        Dataset r = load("r.csv");
        assertTrue(r.isRegression());
        assertEquals(24.5f, r.targets()[49]);
        assertFalse(load("r.csv", "problem", "classification").isRegression());
    }

    @Test void normalisationIsFittedOnTheTrainingPartAndStoredInTheSpec() throws Exception {
        StringBuilder sb = new StringBuilder("a,b,label\n");
        for (int i = 0; i < 40; i++) sb.append(i).append(',').append(100 + 3 * i).append(',').append(i % 2 == 0 ? "even" : "odd").append('\n');
        write("n.csv", sb.toString());
        DatasetSpec spec = new DatasetSpec(CsvSource.ID, settings("n.csv", "normalize", "standardize"), DataSplit.of(0.25, 0.25, 3), List.of(), null);
        DatasetSpec.Prepared prepared = spec.prepare(DataContext.of(dir));
        Normalization n = prepared.spec().normalization();
        Dataset raw = DataSplit.apply(spec.load(DataContext.of(dir)), spec.split()).train();
        assertEquals(Normalization.fit(raw, Normalization.STANDARDIZE), n, "fitted on the training rows only");
        double mean = 0;
        for (int i = 0; i < raw.size(); i++) mean += raw.x().get(2 * i);
        assertEquals(mean / raw.size(), n.offset()[0], 1e-9);
        double trainMean = 0;
        for (int i = 0; i < prepared.splits().train().size(); i++) trainMean += prepared.splits().train().x().get(2 * i);
        assertEquals(0, trainMean, 1e-4);
    }

    @Test void aPreviewShowsTheFirstRowsTheDetectedSettingsAndColumnStatistics() throws Exception {
        write("s.csv", "a,b,c\n1,x,\n3,y,NA\n5,x,2\n");
        CsvSource.Preview p = CsvSource.preview(settings("s.csv"), DataContext.of(dir), 2);
        assertEquals("comma", p.delimiter());
        assertTrue(p.header());
        assertEquals(3, p.rows());
        assertEquals(List.of(List.of("1", "x", ""), List.of("3", "y", "NA")), p.firstRows());
        ColumnStats a = p.columns().get(0), b = p.columns().get(1), c = p.columns().get(2);
        assertTrue(a.numeric());
        assertEquals(1, a.min());
        assertEquals(5, a.max());
        assertEquals(3, a.mean());
        assertFalse(b.numeric());
        assertEquals(2, b.distinct());
        assertEquals(2, c.missing());
    }

    @Test void quotingMistakesNameTheirLine() throws Exception {
        write("o.csv", "a,b\n1,\"open\n2,3\n");
        assertEquals("o.csv: line 2: a quoted field starts here and is never closed", fails("o.csv").getMessage());
        write("s.csv", "a,b\n1,2\n3,x\"y\n");
        assertTrue(fails("s.csv").getMessage().startsWith("s.csv: line 3, field 2: a quote inside an unquoted field"));
        write("e.csv", "");
        assertEquals("e.csv: the file is empty", fails("e.csv").getMessage());
        assertEquals("gone.csv: file not found", fails("gone.csv").getMessage());
    }
}
