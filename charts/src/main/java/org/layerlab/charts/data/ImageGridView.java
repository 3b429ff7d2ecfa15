package org.layerlab.charts.data;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import org.layerlab.charts.ChartStyle;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A grid of sample images with their labels underneath: a few of every class (taken in turn, so each class shows),
 * scaled up without smoothing so pixels stay crisp. Grey or RGB (C×H×W rows of a {@link PreviewData}).
 */
public final class ImageGridView extends Pane {
    /** At most this many images are shown. */
    public static final int MAX_IMAGES = 48;
    private static final double GAP = 6, LABEL = 16;

    private final Canvas canvas = new Canvas();
    private PreviewData data;
    private List<Integer> shown = List.of();
    private List<WritableImage> tiles = List.of();

    public ImageGridView() {
        setId("image-grid");
        getStyleClass().add("image-grid");
        getChildren().add(canvas);
        setMinSize(120, 100);
        canvas.widthProperty().bind(widthProperty());
        canvas.heightProperty().bind(heightProperty());
        canvas.widthProperty().addListener(o -> draw());
        ChartStyle.onLookChange(this, this::draw); // the theme or presentation mode changed
        canvas.heightProperty().addListener(o -> draw());
    }

    /** Shows images of a data set whose rows are images (see {@link PreviewData#images()}). FX thread. */
    public void setData(PreviewData d) {
        data = d;
        shown = d == null || !d.images() ? List.of() : pick(d, MAX_IMAGES);
        tiles = new ArrayList<>();
        if (!shown.isEmpty()) {
            float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
            int per = d.columnCount();
            for (int r : shown) for (int i = 0; i < per; i++) {
                float v = d.values().at(r * per + i);
                if (v < lo) lo = v;
                if (v > hi) hi = v;
            }
            for (int r : shown) tiles.add(image(d, r, lo, hi));
        }
        draw();
    }

    /** Row indexes of the images shown, in grid order. */
    public List<Integer> shownRows() { return shown; }

    /** The label under each image shown (class name, value, or "#row"). */
    public List<String> shownLabels() {
        List<String> out = new ArrayList<>();
        for (int r : shown) out.add(label(data, r));
        return out;
    }

    /** Up to {@code max} rows, classes in turn (first of class 0, first of class 1, …, second of class 0, …). */
    static List<Integer> pick(PreviewData d, int max) {
        List<Integer> out = new ArrayList<>();
        if (!d.hasClasses()) {
            for (int r = 0; r < Math.min(max, d.rows()); r++) out.add(r);
            return out;
        }
        int k = d.classNames().size();
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < k; c++) byClass.add(new ArrayList<>());
        int per = Math.max(1, (max + k - 1) / k);
        for (int r = 0; r < d.rows(); r++) {
            int c = d.labels()[r];
            if (c >= 0 && c < k && byClass.get(c).size() < per) byClass.get(c).add(r);
        }
        for (int i = 0; i < per && out.size() < max; i++) {
            for (int c = 0; c < k && out.size() < max; c++) if (i < byClass.get(c).size()) out.add(byClass.get(c).get(i));
        }
        return out;
    }

    private static String label(PreviewData d, int r) {
        if (d.hasClasses()) return d.classNames().get(d.labels()[r]);
        if (d.hasTargets()) return PlotScale.label(d.target(r), 0.01);
        return "#" + (r + 1);
    }

    private static WritableImage image(PreviewData d, int r, float lo, float hi) {
        int c = d.sample()[0], h = d.sample()[1], w = d.sample()[2], per = d.columnCount();
        WritableImage img = new WritableImage(w, h);
        PixelWriter pw = img.getPixelWriter();
        PreviewData.Values v = d.values();
        int base = r * per;
        double span = hi > lo ? hi - lo : 1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                double g0 = (v.at(base + i) - lo) / span;
                Color col = c == 1 ? Color.gray(clamp(g0))
                        : Color.color(clamp(g0), clamp((v.at(base + h * w + i) - lo) / span), clamp((v.at(base + 2 * h * w + i) - lo) / span));
                pw.setColor(x, y, col);
            }
        }
        return img;
    }

    private static double clamp(double v) { return Double.isFinite(v) ? Math.max(0, Math.min(1, v)) : 0; }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth(), h = canvas.getHeight();
        g.setFill(ChartStyle.fxBackground());
        g.fillRect(0, 0, w, h);
        int n = tiles.size();
        if (n == 0 || w < 20 || h < 20) return;
        int iw = data.sample()[2], ih = data.sample()[1];
        // The largest tile size (a whole multiple of the image, for crisp pixels when it can be) at which all fit.
        double best = 8;
        int bestCols = 1;
        for (int cols = 1; cols <= n; cols++) {
            int rows = (n + cols - 1) / cols;
            double s = Math.min((w - GAP) / cols - GAP, (h - GAP) / rows - GAP - LABEL);
            if (s > best) { best = s; bestCols = cols; }
        }
        double scale = best / Math.max(iw, ih);
        if (scale >= 1) scale = Math.floor(scale);
        double tw = iw * scale, th = ih * scale;
        int rowsUsed = (n + bestCols - 1) / bestCols;
        // centred in the free room, so a grid that stops short of the edge does not hug one side
        double offX = Math.max(0, (w - GAP - bestCols * (tw + GAP)) / 2), offY = Math.max(0, (h - GAP - rowsUsed * (th + GAP + LABEL)) / 2);
        g.setImageSmoothing(false);
        g.setFont(Font.font("SansSerif", 11 * ChartStyle.fontScale()));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (int i = 0; i < n; i++) {
            int col = i % bestCols, row = i / bestCols;
            double x = offX + GAP + col * (tw + GAP), y = offY + GAP + row * (th + GAP + LABEL);
            g.drawImage(tiles.get(i), x, y, tw, th);
            g.setStroke(ChartStyle.fxOutline());
            g.strokeRect(x - 0.5, y - 0.5, tw + 1, th + 1);
            g.setFill(data.hasClasses() ? Palette.classColor(data.labels()[shown.get(i)]).darker() : ChartStyle.fxText());
            String text = label(data, shown.get(i));
            if (text.length() > 12) text = text.substring(0, 11) + "…";
            g.fillText(text, x + tw / 2, y + th + 2);
        }
    }
}
