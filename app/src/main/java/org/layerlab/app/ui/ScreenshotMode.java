package org.layerlab.app.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.layerlab.charts.model.RunData;

/**
 * Makes the README screenshot from the real window: selects a layer, trains the open project until the given
 * epoch, snapshots the scene to a PNG and quits. Started by {@code docs/screenshot.sh}.
 */
public final class ScreenshotMode {
    private ScreenshotMode() {}

    /**
     * {@code ScreenshotMode FILE [EPOCHS [TAB [WIDTHxHEIGHT [SAMPLE]]]] [--theme=dark] [--presentation=true]}: opens the
     * window with the default project (or a bundled SAMPLE) and writes FILE; TAB is the side panel's tab to show
     * ({@code properties}, {@code training}, {@code lesson} or {@code inside}), the chart area's {@code step} (after one
     * Step: the step-through panel) or {@code wires} (the weights on wires), or {@code branch} (a branched run); the
     * options choose the theme and presentation mode.
     */
    public static void main(String[] all) {
        // Options (--theme=dark, --presentation=true) go to the application as they are; the rest are positional.
        java.util.List<String> options = java.util.Arrays.stream(all).filter(a -> a.startsWith("--")).toList();
        String[] args = java.util.Arrays.stream(all).filter(a -> !a.startsWith("--")).toArray(String[]::new);
        if (args.length < 1) {
            System.err.println("usage: ScreenshotMode FILE.png [EPOCHS [properties|training [WIDTHxHEIGHT]]]");
            System.exit(2);
        }
        java.util.List<String> params = new java.util.ArrayList<>(java.util.List.of("--screenshot=" + args[0],
                "--screenshot-epochs=" + (args.length > 1 ? args[1] : "60"), "--screenshot-tab=" + (args.length > 2 ? args[2] : "properties")));
        if (args.length > 3 && !args[3].isEmpty()) params.add("--screenshot-size=" + args[3]);
        if (args.length > 4) params.add("--screenshot-sample=" + args[4]); // a bundled sample instead of the default
        params.addAll(options);
        javafx.application.Application.launch(LayerLabApp.class, params.toArray(String[]::new));
    }

    static void run(Scene scene, MainWindow window, Path target, int epochs, String tab) {
        if (tab.equals("branch")) {
            branch(scene, window, target, epochs);
            return;
        }
        window.editor().selectedNodeProperty().set("hidden-1");
        window.sideTabs().getTabs().stream().filter(t -> (tab + "-tab").equals(t.getId())).findFirst()
                .ifPresent(t -> window.sideTabs().getSelectionModel().select(t));
        if (tab.equals("training")) {
            // A change made while nothing trains, then the run: the panel as a student sees it after trying a rate.
            window.trainingPanel().sheet().edit("optimizer.adam.learningRate", 0.003);
        }
        window.session().train();
        new AnimationTimer() {
            private boolean pausing, stepped;

            @Override public void handle(long now) {
                if (!pausing) {
                    if (window.session().progressProperty().get().epoch() < epochs) return;
                    window.session().pause();
                    pausing = true;
                }
                // Wait until the trainer has actually stopped between batches and the run list says so.
                var runs = window.charts().store().runs();
                if (runs.isEmpty() || runs.get(runs.size() - 1).status() != RunData.Status.PAUSED) return;
                if (tab.equals("step") && !stepped) {
                    window.session().step();
                    stepped = true;
                    return;
                }
                var trace = window.session().traceProperty().get();
                if (tab.equals("step") && (trace == null || trace.step() != window.session().latestProgress().step())) return;
                var wires = runs.get(runs.size() - 1).wires();
                if (tab.equals("wires") && (wires == null || wires.step() != window.session().latestProgress().step())) return;
                stop();
                if (tab.equals("step") || tab.equals("wires")) showChartTab(window, tab);
                window.charts().flush();
                // The first run brings the Inside tab to the front; the side tab asked for comes back for the picture.
                if (java.util.List.of("inside", "properties", "training", "lesson").contains(tab)) select(window, tab);
                // Two more pulses so the last points are drawn before the snapshot.
                Platform.runLater(() -> Platform.runLater(() -> {
                    WritableImage whole = scene.snapshot(null);
                    if (tab.equals("inside")) savePanel(window, target);
                    if (tab.equals("step")) saveOnly(window.charts().stepThrough().snapshot(null, null), sibling(target, "-panel"));
                    if (tab.equals("wires")) saveOnly(window.charts().wires().snapshot(null, null), sibling(target, "-panel"));
                    save(whole, target);
                }));
            }
        }.start();
    }

    /**
     * The chart area's Step through or Weights on wires tab, given most of the window's height, with a sample of the
     * batch or a connection chosen as a teacher would.
     */
    private static void showChartTab(MainWindow window, String tab) {
        window.charts().getTabs().stream().filter(t -> (tab + "-tab").equals(t.getId())).findFirst()
                .ifPresent(t -> window.charts().getSelectionModel().select(t));
        if (window.getCenter() instanceof javafx.scene.control.SplitPane centre) centre.setDividerPositions(0.3);
        if (tab.equals("step")) window.charts().stepThrough().showRow(2);
        if (tab.equals("wires")) {
            var view = window.charts().wires();
            view.refresh();
            javafx.geometry.Point2D p = view.pointOn(1, 4, 9, 0.37);
            view.select(view.wireAt(p.getX(), p.getY()));
        }
        window.charts().flush();
    }

    private static Path sibling(Path target, String suffix) {
        return target.resolveSibling(target.getFileName().toString().replaceFirst("\\.png$", "") + suffix + ".png");
    }

    /** The Inside tab's whole content (beyond its scroll view) with one neuron of Hidden 2 enlarged, as NAME-panel.png. */
    private static void savePanel(MainWindow window, Path target) {
        window.charts().neuronMaps().enlarge(1, 3);
        javafx.scene.Node panel = window.charts().neuronMaps().getParent();
        String name = target.getFileName().toString().replaceFirst("\\.png$", "");
        saveOnly(panel.snapshot(null, null), target.resolveSibling(name + "-panel.png"));
    }

    /** Writes a PNG and keeps the application open. */
    private static void saveOnly(WritableImage image, Path target) {
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", target.toFile());
            System.out.println("screenshot written to " + target);
        } catch (IOException e) {
            System.err.println("cannot write " + target + ": " + e.getMessage());
        }
    }

    private static void select(MainWindow window, String tab) {
        window.sideTabs().getTabs().stream().filter(t -> (tab + "-tab").equals(t.getId())).findFirst()
                .ifPresent(t -> window.sideTabs().getSelectionModel().select(t));
    }

    /**
     * A branched run for the README: trains the project to {@code epochs}, stops, lowers the learning rate tenfold and
     * branches from the kept checkpoint nearest half-way, pauses the branch when it reaches {@code epochs}, snapshots.
     */
    private static void branch(Scene scene, MainWindow window, Path target, int epochs) {
        select(window, "training");
        window.session().train();
        new AnimationTimer() {
            private int phase;

            @Override public void handle(long now) {
                var session = window.session();
                var runs = window.charts().store().runs();
                switch (phase) {
                    case 0 -> {
                        if (session.progressProperty().get().epoch() < epochs) return;
                        session.stop();
                        phase = 1;
                    }
                    case 1 -> {
                        var points = session.branchPoints(1);
                        if (points.isEmpty()) return;
                        int fork = points.stream().mapToInt(TrainingSession.BranchPoint::epoch)
                                .reduce((a, b) -> Math.abs(b - epochs / 2) < Math.abs(a - epochs / 2) ? b : a).orElseThrow();
                        var doc = window.document();
                        try {
                            var lr = org.layerlab.compute.train.TrainingSettings.resolve(doc.training().settings(), "learningRate");
                            double rate = doc.training().settings().getDouble(lr);
                            doc.setTraining(new org.layerlab.compute.train.TrainingConfig(doc.training().settings().with(lr, rate / 10)));
                        } catch (org.layerlab.compute.catalog.InvalidParamException e) {
                            throw new IllegalStateException(e);
                        }
                        session.branchFrom(1, runs.get(0).name(), fork);
                        phase = 2;
                    }
                    case 2 -> {
                        if (runs.size() < 2 || session.progressProperty().get().epoch() < epochs) return;
                        session.pause();
                        phase = 3;
                    }
                    default -> {
                        if (runs.get(runs.size() - 1).status() != RunData.Status.PAUSED) return;
                        stop();
                        window.charts().flush();
                        Platform.runLater(() -> Platform.runLater(() -> save(scene.snapshot(null), target)));
                    }
                }
            }
        }.start();
    }

    private static void save(WritableImage image, Path target) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", target.toFile());
            System.out.println("screenshot written to " + target);
        } catch (IOException e) {
            System.err.println("cannot write " + target + ": " + e.getMessage());
        }
        Platform.exit();
    }
}
