package org.layerlab.app.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javax.imageio.ImageIO;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.data.DataSources;
import org.layerlab.compute.project.DatasetSpec;

/**
 * Makes the README's Data panel screenshots from the real window at 1280×800: the 2-D scatter of noisy spirals and
 * the image grid of Fashion-MNIST (from the system or cache folder), then quits. Started by
 * {@code docs/data-screenshots.sh}.
 */
public final class DataScreenshotMode {
    private DataScreenshotMode() {}

    /**
     * {@code DataScreenshotMode DIR [--theme=dark] [--presentation=true]}: opens the window with the default project
     * and writes the PNGs into DIR, in the looks the options choose.
     */
    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: DataScreenshotMode DIR [--theme=dark] [--presentation=true]");
            System.exit(2);
        }
        java.util.List<String> params = new java.util.ArrayList<>(java.util.List.of("--screenshot-data=" + args[0]));
        for (int i = 1; i < args.length; i++) if (args[i].startsWith("--")) params.add(args[i]);
        javafx.application.Application.launch(LayerLabApp.class, params.toArray(String[]::new));
    }

    /** A step: wait until {@code ready}, then {@code act}. */
    private record Step(BooleanSupplier ready, Runnable act) {}

    static void run(MainWindow window, Path dir) {
        Deque<Step> steps = new ArrayDeque<>();
        DataSetModel data = window.data();
        steps.add(new Step(() -> true, () -> {
            window.openDataPanel();
            window.dataWindow().setWidth(1280);
            window.dataWindow().setHeight(800);
            change(data, "two-spirals", Map.of("samples", 600, "noise", 0.35, "seed", 3));
        }));
        steps.add(new Step(() -> loaded(window), () -> shoot(window, dir.resolve("data-scatter.png"))));
        steps.add(new Step(() -> true, () -> change(data, "fashion-mnist", Map.of())));
        steps.add(new Step(() -> loaded(window), () -> shoot(window, dir.resolve("data-images.png"))));
        steps.add(new Step(() -> true, () -> {
            window.dataPanel().previewTabs().getSelectionModel().select(1);
        }));
        steps.add(new Step(() -> true, () -> shoot(window, dir.resolve("data-balance.png"))));
        String csv = System.getProperty("layerlab.screenshot.csv");
        if (csv != null) {
            steps.add(new Step(() -> true, () -> {
                change(data, "two-spirals", Map.of());
                window.openCsvWizard();
                window.csvWizard().getScene().getWindow().setWidth(1280);
                window.csvWizard().getScene().getWindow().setHeight(800);
                window.csvWizard().useFile(csv);
            }));
            steps.add(new Step(() -> window.csvWizard().resultText().contains("×"), () -> {
                window.csvWizard().setOption("normalize", "standardize");
            }));
            steps.add(new Step(() -> window.csvWizard().resultText().contains("×"),
                    () -> shootScene(window.csvWizard().getScene(), dir.resolve("data-csv-wizard.png"))));
        }
        steps.add(new Step(() -> true, Platform::exit));
        new AnimationTimer() {
            private int settle;

            @Override public void handle(long now) {
                if (steps.isEmpty()) { stop(); return; }
                if (!steps.peek().ready().getAsBoolean()) { settle = 0; return; }
                if (++settle < 10) return; // a few pulses so layout and drawing catch up
                settle = 0;
                steps.poll().act().run();
            }
        }.start();
    }

    private static boolean loaded(MainWindow window) {
        DataPanel p = window.dataPanel();
        return p != null && p.shownLoad() != null && p.shownLoad().spec().equals(window.data().spec());
    }

    private static void change(DataSetModel data, String source, Map<String, Object> settings) {
        try {
            var s = DataSources.CATALOG.get(source);
            Params p = Params.of(s.params(), settings);
            DatasetSpec spec = data.spec();
            data.change("screenshot", spec.withSource(source, p));
        } catch (Exception e) {
            System.err.println("screenshot: " + e.getMessage());
            Platform.exit();
        }
    }

    private static void shoot(MainWindow window, Path target) { shootScene(window.dataWindow().getScene(), target); }

    private static void shootScene(Scene scene, Path target) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", target.toFile());
            System.out.println("screenshot written to " + target);
        } catch (IOException e) {
            System.err.println("cannot write " + target + ": " + e.getMessage());
        }
    }
}
