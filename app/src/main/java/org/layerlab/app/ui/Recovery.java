package org.layerlab.app.ui;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import org.layerlab.compute.project.Project;
import org.layerlab.compute.project.ProjectFileException;
import org.layerlab.compute.project.ProjectArchive;
import org.layerlab.compute.project.ProjectBundle;

/** Asks, after a session ended without saving, whether to open its autosaved work again. */
final class Recovery {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM HH:mm");
    private final ProjectDocumentModel document;
    private final Executor io;

    Recovery(ProjectDocumentModel document, Executor io) {
        this.document = document;
        this.io = io;
    }

    /** Reads the file in the background, then asks on the FX thread; completes once answered. */
    CompletableFuture<Void> offer(Path leftBehind) {
        CompletableFuture<Void> answered = new CompletableFuture<>();
        CompletableFuture.supplyAsync(() -> {
            try { return ProjectArchive.read(leftBehind); } catch (ProjectFileException e) { throw new CompletionException(e); }
        }, io).whenComplete((p, err) -> Platform.runLater(() -> {
            if (err != null) unreadable(leftBehind, err.getCause() == null ? err : err.getCause());
            else ask(leftBehind, p);
            answered.complete(null);
        }));
        return answered;
    }

    private void ask(Path leftBehind, ProjectBundle b) {
        Project p = b.project();
        ButtonType recover = new ButtonType("Recover", ButtonBar.ButtonData.YES), discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
        String when = TIME.format(Instant.ofEpochMilli(leftBehind.toFile().lastModified()).atZone(ZoneId.systemDefault()));
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "LayerLab ended before \u201c" + p.name() + "\u201d was saved. Its last"
                + " autosave is from " + when + (p.runs().isEmpty() ? "" : ", with " + p.runs().size() + " run(s)")
                + ". Recover it? (Later keeps it for the next start.)", recover, discard, new ButtonType("Later", ButtonBar.ButtonData.CANCEL_CLOSE));
        ask.setHeaderText("Recover unsaved work?");
        ButtonType answer = ask.showAndWait().orElse(null);
        if (answer == recover) {
            document.recover(b);
            Autosave.discard(leftBehind); // this session autosaves it anew
        } else if (answer == discard) {
            Autosave.discard(leftBehind);
        }
    }

    private static void unreadable(Path leftBehind, Throwable why) {
        Alert a = new Alert(Alert.AlertType.WARNING, why.getMessage() + "\n\nThe file is kept at " + leftBehind.toAbsolutePath()
                + "; move or delete it to stop this message.");
        a.setHeaderText("An autosave left by an earlier session cannot be read");
        a.showAndWait();
    }
}
