package org.layerlab.charts.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The data previews on plain data: statistics by hand, the scatter's columns and colours, the image grid's picks, the bars' counts. */
@ExtendWith(ApplicationExtension.class)
class PreviewWidgetsTest {
    private ScatterPlotView scatter;
    private ImageGridView grid;
    private ClassBalanceView balance;
    private ColumnStatsView stats;

    @Start
    void start(Stage stage) {
        scatter = new ScatterPlotView();
        grid = new ImageGridView();
        balance = new ClassBalanceView();
        stats = new ColumnStatsView();
        scatter.setPrefSize(400, 260);
        grid.setPrefSize(400, 200);
        balance.setPrefSize(400, 120);
        stats.setPrefSize(400, 150);
        stage.setScene(new Scene(new VBox(scatter, grid, balance, stats), 420, 760));
        stage.show();
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    private static PreviewData table() {
        // rows (1, NaN, 10), (3, 2, 20), (5, 4, 30); classes A, B, A
        return new PreviewData(List.of("a", "b", "c"), new float[] {1, Float.NaN, 10, 3, 2, 20, 5, 4, 30}, 3, new int[] {3},
                new int[] {0, 1, 0}, List.of("A", "B"), null);
    }

    @Test void columnStatisticsMatchTheHandComputation() throws Exception {
        List<ColumnStats.Row> rows = ColumnStats.of(table());
        assertEquals(new ColumnStats.Row("a", 1, 5, 3, 0), rows.get(0));
        assertEquals(new ColumnStats.Row("b", 2, 4, 3, 1), rows.get(1), "NaN counts as missing and stays out of min, max and mean");
        assertEquals(new ColumnStats.Row("c", 10, 30, 20, 0), rows.get(2));
        PreviewData allMissing = new PreviewData(List.of("z"), new float[] {Float.NaN, Float.NaN}, 2, new int[] {1}, null, null, null);
        ColumnStats.Row z = ColumnStats.of(allMissing).get(0);
        assertTrue(Double.isNaN(z.mean()) && z.missing() == 2, z.toString());
        onFx(() -> { stats.show(rows); return null; });
        assertEquals(3, onFx(() -> stats.getItems().size()));
        assertEquals("–", ColumnStatsView.format(Double.NaN));
        assertEquals("3.000", ColumnStatsView.format(3));
    }

    @Test void badShapesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PreviewData(List.of("a", "b"), new float[3], 2, new int[] {2}, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new PreviewData(List.of("a"), new float[2], 2, new int[] {1}, new int[1], List.of("A"), null));
    }

    @Test void theScatterShowsTheChosenColumnsColouredByClassOrValue() throws Exception {
        onFx(() -> { scatter.setData(table()); return null; });
        assertEquals(0, onFx(scatter::xColumn));
        assertEquals(1, onFx(scatter::yColumn));
        assertEquals(ScatterPlotView.ColourBy.CLASS, onFx(scatter::colourBy));
        assertEquals(2, onFx(scatter::drawnPoints), "the row with a missing value is not drawn");
        onFx(() -> { scatter.setColumns(0, 2); return null; });
        assertEquals(3, onFx(scatter::drawnPoints));
        double[] p = onFx(() -> scatter.toPixel(3, 20));
        double[] back = onFx(() -> scatter.toData(p[0], p[1]));
        assertEquals(3, back[0], 1e-9);
        assertEquals(20, back[1], 1e-9);
        assertNull(onFx(() -> scatter.toData(1, 1)), "outside the plot area");

        float[] v = new float[2 * 12_000], t = new float[12_000];
        for (int i = 0; i < t.length; i++) { v[2 * i] = i; v[2 * i + 1] = (float) Math.sin(i); t[i] = i % 10; }
        PreviewData regression = new PreviewData(List.of("x", "y"), v, t.length, new int[] {2}, null, null, t);
        onFx(() -> { scatter.setData(regression); return null; });
        assertEquals(ScatterPlotView.ColourBy.VALUE, onFx(scatter::colourBy), "a regression set is coloured by value");
        assertTrue(onFx(scatter::drawnPoints) <= ScatterPlotView.MAX_POINTS, "large sets are sampled");
        assertTrue(onFx(scatter::drawnPoints) > ScatterPlotView.MAX_POINTS / 2);
    }

    @Test void theImageGridShowsEveryClassInTurnWithItsLabel() throws Exception {
        int n = 9, per = 16; // 1×4×4 images; classes 0,0,0,1,1,1,2,2,2
        float[] v = new float[n * per];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) { labels[i] = i / 3; for (int j = 0; j < per; j++) v[i * per + j] = (i + j) % 5; }
        List<String> cols = java.util.Collections.nCopies(per, "px");
        PreviewData images = new PreviewData(cols, v, n, new int[] {1, 4, 4}, labels, List.of("zero", "one", "two"), null);
        assertTrue(images.images());
        assertEquals(List.of(0, 3, 6, 1, 4, 7), ImageGridView.pick(images, 6));
        onFx(() -> { grid.setData(images); return null; });
        assertEquals(List.of(0, 3, 6, 1, 4, 7, 2, 5, 8), onFx(grid::shownRows));
        assertEquals(List.of("zero", "one", "two"), onFx(grid::shownLabels).subList(0, 3));
        onFx(() -> { grid.setData(table()); return null; });
        assertEquals(List.of(), onFx(grid::shownRows), "rows that are not images show nothing");
    }

    @Test void theBalanceBarsCountEachClassOverTheParts() throws Exception {
        onFx(() -> { balance.setClassCounts(List.of("A", "B"), List.of("train", "validation"), new int[][] {{30, 10}, {8, 2}}); return null; });
        assertArrayEquals(new int[] {38, 12}, onFx(balance::totals));
        onFx(() -> { balance.setTargets(List.of("train"), List.of(new float[] {0, 0.5f, 1, 1})); return null; });
        int[] bins = onFx(balance::totals);
        assertEquals(20, bins.length);
        assertEquals(1, bins[0]);
        assertEquals(2, bins[19], "the maximum falls in the last bin");
        assertEquals(4, java.util.Arrays.stream(bins).sum());
    }
}
