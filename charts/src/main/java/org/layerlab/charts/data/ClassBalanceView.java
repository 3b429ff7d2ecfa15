package org.layerlab.charts.data;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import org.layerlab.charts.ChartStyle;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.layerlab.compute.text.Messages;

/**
 * Class balance as horizontal bars, one per class, each split into the parts of the split (train, validation,
 * test) with their counts; for a regression set, a histogram of the target values instead.
 */
public final class ClassBalanceView extends Pane {
    private static final Messages TEXT = Messages.of("org.layerlab.charts.i18n.preview", ClassBalanceView.class);
    private static final Color[] PARTS = {Color.web("#0072B2"), Color.web("#E69F00"), Color.web("#009E73")};
    private static final int BINS = 20;

    private final Canvas canvas = new Canvas();
    private List<String> rows = List.of();
    private List<String> parts = List.of();
    private int[][] counts = new int[0][];
    private String title = "";

    public ClassBalanceView() {
        setId("class-balance");
        getStyleClass().add("class-balance");
        getChildren().add(canvas);
        setMinSize(120, 60);
        canvas.widthProperty().bind(widthProperty());
        canvas.heightProperty().bind(heightProperty());
        canvas.widthProperty().addListener(o -> draw());
        ChartStyle.onLookChange(this, this::draw); // the theme or presentation mode changed
        canvas.heightProperty().addListener(o -> draw());
    }

    /** Shows per class counts: {@code counts[part][class]}, parts named by {@code parts} (e.g. train, validation, test). */
    public void setClassCounts(List<String> classes, List<String> partNames, int[][] partCounts) {
        rows = List.copyOf(classes);
        parts = List.copyOf(partNames);
        counts = partCounts;
        title = TEXT.get("balance.classes");
        draw();
    }

    /** Shows a histogram of regression targets, each part stacked as above. */
    public void setTargets(List<String> partNames, List<float[]> targets) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (float[] t : targets) if (t != null) for (float v : t) if (Float.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        if (!(hi >= lo)) { setClassCounts(List.of(), partNames, new int[0][]); return; }
        if (hi == lo) hi = lo + 1;
        double width = (hi - lo) / BINS;
        String[] names = new String[BINS];
        for (int b = 0; b < BINS; b++) names[b] = PlotScale.label(lo + b * width, width) + " – " + PlotScale.label(lo + (b + 1) * width, width);
        int[][] c = new int[targets.size()][BINS];
        for (int p = 0; p < targets.size(); p++) {
            if (targets.get(p) == null) continue;
            for (float v : targets.get(p)) if (Float.isFinite(v)) c[p][Math.min(BINS - 1, (int) ((v - lo) / width))]++;
        }
        rows = List.of(names);
        parts = List.copyOf(partNames);
        counts = c;
        title = TEXT.get("balance.targets");
        draw();
    }

    /** Total count of each row (class or bin), over all parts. */
    public int[] totals() {
        int[] t = new int[rows.size()];
        for (int[] p : counts) for (int i = 0; i < t.length && i < p.length; i++) t[i] += p[i];
        return t;
    }

    public List<String> rowNames() { return rows; }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth(), h = canvas.getHeight();
        g.setFill(ChartStyle.fxBackground());
        g.fillRect(0, 0, w, h);
        if (rows.isEmpty() || w < 60 || h < 30) return;
        int[] totals = totals();
        int max = 1;
        for (int t : totals) max = Math.max(max, t);
        Font font = Font.font("SansSerif", 11 * ChartStyle.fontScale());
        g.setFont(font);
        double nameW = 0;
        for (String r : rows) nameW = Math.max(nameW, Math.min(110, r.length() * 6.5));
        double left = nameW + 10, right = 56, top = 20, bottom = 6;
        double rowH = Math.max(3, Math.min(22, (h - top - bottom) / rows.size()));
        g.setTextBaseline(VPos.CENTER);
        g.setFill(ChartStyle.fxText());
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(title, 4, 9);
        // legend of the parts, right of the title
        double lx = Math.max(4 + title.length() * 6.5 + 16, w * 0.35);
        for (int p = 0; p < parts.size(); p++) {
            g.setFill(PARTS[p % PARTS.length]);
            g.fillRect(lx, 4, 10, 10);
            g.setFill(ChartStyle.fxText());
            g.fillText(parts.get(p), lx + 14, 9);
            lx += 14 + parts.get(p).length() * 6.5 + 14;
        }
        for (int i = 0; i < rows.size(); i++) {
            double y = top + i * rowH;
            if (y + rowH > h) break;
            if (rowH >= 9) {
                g.setFill(ChartStyle.fxText());
                g.setTextAlign(TextAlignment.RIGHT);
                g.fillText(clip(rows.get(i)), left - 6, y + rowH / 2);
            }
            double x = left;
            for (int p = 0; p < counts.length; p++) {
                int c = i < counts[p].length ? counts[p][i] : 0;
                double bw = (w - left - right) * c / max;
                g.setFill(PARTS[p % PARTS.length]);
                g.fillRect(x, y + 1, bw, Math.max(1, rowH - 3));
                x += bw;
            }
            if (rowH >= 9) {
                g.setFill(ChartStyle.fxMuted());
                g.setTextAlign(TextAlignment.LEFT);
                g.fillText(Integer.toString(totals[i]), x + 4, y + rowH / 2);
            }
        }
    }

    private static String clip(String s) { return s.length() <= 16 ? s : s.substring(0, 15) + "…"; }
}
