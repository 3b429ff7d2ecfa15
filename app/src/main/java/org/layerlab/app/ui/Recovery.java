package org.layerlab.app.ui;

import java.nio.file.Path;
import java.time.Instant;
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
    private static final org.layerlab.compute.text.Messages TEXT =
            org.layerlab.compute.text.Messages.of("org.layerlab.app.i18n.recovery", Recovery.class);
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
        ButtonType recover = new ButtonType(TEXT.get("recover"), ButtonBar.ButtonData.YES), discard = new ButtonType(TEXT.get("discard"), ButtonBar.ButtonData.NO);
        java.util.Date when = java.util.Date.from(Instant.ofEpochMilli(leftBehind.toFile().lastModified()));
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, TEXT.get("ask", p.name(), when, p.runs().size()),
                recover, discard, new ButtonType(TEXT.get("later"), ButtonBar.ButtonData.CANCEL_CLOSE));
        ask.setHeaderText(TEXT.get("askHeader"));
        ButtonType answer = ask.showAndWait().orElse(null);
        if (answer == recover) {
            document.recover(b);
            Autosave.discard(leftBehind); // this session autosaves it anew
        } else if (answer == discard) {
            Autosave.discard(leftBehind);
        }
    }

    private static void unreadable(Path leftBehind, Throwable why) {
        Alert a = new Alert(Alert.AlertType.WARNING, TEXT.get("unreadable", why.getMessage(), leftBehind.toAbsolutePath().toString()));
        a.setHeaderText(TEXT.get("unreadableHeader"));
        a.showAndWait();
    }
}
