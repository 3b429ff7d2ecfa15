package org.layerlab.charts.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

public class ScalarExportTest {
    private static RunStore twoRuns() {
        RunStore store = new RunStore();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("optimizer", "adam");
        settings.put("learning rate", "0.01");
        RunData a = store.create(1, new RunInfo("baseline, \"first\"", settings, null, null));
        RunData b = store.create(2, new RunInfo(null, Map.of("seed", "7"), 1, 250L));
        for (int i = 1; i <= 1000; i++) {
            a.series("batch/loss").add(i, i / 100.0, i * 0.013, 1.7e12 + i * 13.0, 1.0 / i + (i == 500 ? Double.NaN : 0));
            a.series("batch/accuracy").add(i, i / 100.0, i * 0.013, 1.7e12 + i * 13.0, Math.min(1, i / 900.0));
        }
        for (int e = 1; e <= 10; e++) a.series("epoch/val_loss").add(e * 100L, e, e * 1.3, 1.7e12 + e * 1300.0, 0.5 / e);
        b.series("batch/loss").add(251, 2.51, 0.1, 1.7e12, Double.POSITIVE_INFINITY);
        b.series("batch/loss").add(252, 2.52, 0.2, 1.7e12 + 100, Double.NEGATIVE_INFINITY);
        b.series("batch/loss").add(253, 2.53, 0.3, 1.7e12 + 200, 0.1234567890123456789);
        return store;
    }

    @Test
    void csvRoundTripsEveryPointOfEveryRun() throws Exception {
        RunStore store = twoRuns();
        StringWriter out = new StringWriter();
        ScalarExport.writeCsv(store.runs(), out);
        List<RunData> back = ScalarExport.readCsv(new StringReader(out.toString()));
        assertSameScalars(store.runs(), back);
    }

    @Test
    void jsonRoundTripsEveryPointAndTheRunRecords() throws Exception {
        RunStore store = twoRuns();
        StringWriter out = new StringWriter();
        ScalarExport.writeJson(store.runs(), out);
        List<RunData> back = ScalarExport.readJson(new StringReader(out.toString()));
        assertSameScalars(store.runs(), back);
        for (int i = 0; i < back.size(); i++) {
            assertEquals(store.runs().get(i).info().settings(), back.get(i).info().settings());
            assertEquals(store.runs().get(i).info().parentRunId(), back.get(i).info().parentRunId());
            assertEquals(store.runs().get(i).info().forkStep(), back.get(i).info().forkStep());
        }
    }

    @Test
    void aSnapshotIsIndependentOfLaterPoints() {
        RunStore store = twoRuns();
        List<RunData> copy = ScalarExport.snapshot(store.runs());
        store.runs().get(0).series("batch/loss").add(1001, 10.01, 13, 1.7e12, 0.001);
        assertEquals(1000, copy.get(0).find("batch/loss").size());
    }

    public static void assertSameScalars(List<RunData> expected, List<RunData> actual) {
        assertEquals(expected.size(), actual.size());
        for (int r = 0; r < expected.size(); r++) {
            RunData e = expected.get(r), a = actual.get(r);
            assertEquals(e.id(), a.id());
            assertEquals(e.name(), a.name());
            assertEquals(e.allSeries().keySet(), a.allSeries().keySet());
            for (String tag : e.allSeries().keySet()) {
                ScalarSeries es = e.find(tag), as = a.find(tag);
                assertEquals(es.size(), as.size(), tag);
                for (int i = 0; i < es.size(); i++) {
                    assertEquals(es.step(i), as.step(i));
                    assertEquals(es.epoch(i), as.epoch(i), 0.0);
                    assertEquals(es.relativeSeconds(i), as.relativeSeconds(i), 0.0);
                    assertEquals(es.wallMillis(i), as.wallMillis(i), 0.0);
                    assertEquals(Double.doubleToLongBits(es.value(i)), Double.doubleToLongBits(as.value(i)), tag + " point " + i);
                }
            }
        }
    }
}
