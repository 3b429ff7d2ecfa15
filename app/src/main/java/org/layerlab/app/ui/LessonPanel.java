package org.layerlab.app.ui;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.image.Image;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.layerlab.compute.project.Lesson;
import org.layerlab.compute.text.Messages;
import org.layerlab.editor.GraphEditor;
import org.layerlab.editor.command.ValueEdit;

/**
 * The lesson beside the network: one step at a time (Back / Next), written in CommonMark. In teacher mode, Edit lesson
 * opens the text, inserts images and chooses the parts of the window that student mode locks; each of those is one
 * undoable command in the editor's history, saved with the project.
 */
public final class LessonPanel extends VBox {
    static final Messages TEXT = Messages.of("org.layerlab.app.i18n.lesson", LessonPanel.class);
    /** The lesson images' own texts (room for a live demo: decoding off the FX thread). */
    static final Messages IMAGE_TEXT = Messages.of("org.layerlab.app.i18n.lessonimages", LessonPanel.class);

    /** Picks an image file to insert (the window shows a file chooser; tests give a path); null when cancelled. */
    public interface ImageChooser {
        Path choose();
    }

    private final ProjectDocumentModel document;
    private final GraphEditor editor;
    private final BooleanProperty studentMode;
    private final Executor io;
    private ImageChooser chooser = () -> null;
    private final IntegerProperty step = new SimpleIntegerProperty(0);
    private final MarkdownView view;
    private final Label stepLabel = new Label(), empty = new Label();
    private final Button back = new Button(), next = new Button(), edit = new Button(TEXT.get("edit"));
    private final TextArea source = new TextArea();
    private final VBox editing = new VBox(6), reading = new VBox(6), locks = new VBox(4);
    private final Map<Lesson.Lock, CheckBox> lockBoxes = new java.util.EnumMap<>(Lesson.Lock.class);
    /** Each image the lesson names, decoded (or being decoded) off the FX thread; touched on the FX thread only. */
    private final Map<String, CompletableFuture<Optional<Image>>> images = new HashMap<>();
    /** Where images are decoded: the pool, never the FX thread (tests hold it back to see the placeholder). */
    private Executor decoder;

    LessonPanel(ProjectDocumentModel document, GraphEditor editor, BooleanProperty studentMode, Executor io) {
        this.document = document;
        this.editor = editor;
        this.studentMode = studentMode;
        this.io = io;
        this.decoder = io;
        setId("lesson-panel");
        getStyleClass().add("lesson-panel");
        setSpacing(8);
        view = new MarkdownView(this::image);
        view.setId("lesson-text");

        back.setText(TEXT.get("back"));
        back.setId("lesson-back");
        next.setText(TEXT.get("next"));
        next.setId("lesson-next");
        back.setOnAction(e -> step.set(step.get() - 1));
        next.setOnAction(e -> step.set(step.get() + 1));
        stepLabel.setId("lesson-step");
        stepLabel.getStyleClass().add("lesson-step");
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        edit.setId("lesson-edit");
        edit.setOnAction(e -> startEditing());
        HBox nav = new HBox(6, back, stepLabel, next, spring, edit);
        nav.setAlignment(Pos.CENTER_LEFT);
        empty.setId("lesson-empty");
        empty.setWrapText(true);
        empty.getStyleClass().add("panel-description");
        ScrollPane scroll = new ScrollPane(view);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("lesson-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        reading.getChildren().addAll(nav, empty, scroll);
        VBox.setVgrow(reading, Priority.ALWAYS);

        buildEditing();
        getChildren().add(reading);

        step.addListener((o, a, b) -> render());
        document.lessonProperty().addListener((o, a, b) -> {
            if (a == null || !a.text().equals(b.text())) images.clear();
            step.set(Math.min(step.get(), Math.max(0, b.steps().size() - 1)));
            render();
        });
        document.projectProperty().addListener((o, a, b) -> {
            images.clear();
            stopEditing();
            step.set(0);
            render();
        });
        studentMode.addListener((o, a, b) -> {
            if (b) stopEditing();
            render();
        });
        render();
    }

    void setImageChooser(ImageChooser c) { chooser = c; }

    /** Decodes the lesson's images on {@code e} from now on (tests). */
    void useImageDecoder(Executor e) { decoder = java.util.Objects.requireNonNull(e); }

    private void buildEditing() {
        Label title = new Label(TEXT.get("editTitle"));
        title.getStyleClass().add("panel-title");
        Label hint = new Label(TEXT.get("editHint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("panel-description");
        source.setId("lesson-source");
        source.setWrapText(true);
        source.getStyleClass().add("lesson-source");
        VBox.setVgrow(source, Priority.ALWAYS);
        Button apply = new Button(TEXT.get("apply")), cancel = new Button(TEXT.get("cancel")), insert = new Button(TEXT.get("insertImage"));
        apply.setId("lesson-apply");
        cancel.setId("lesson-cancel");
        insert.setId("lesson-insert-image");
        apply.setDefaultButton(true);
        apply.setOnAction(e -> applyText());
        cancel.setOnAction(e -> stopEditing());
        insert.setOnAction(e -> insertImage());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox buttons = new HBox(6, insert, spring, cancel, apply);
        Label lockTitle = new Label(TEXT.get("locksTitle"));
        lockTitle.getStyleClass().add("lesson-locks-title");
        locks.getChildren().add(lockTitle);
        for (Lesson.Lock lock : Lesson.Lock.values()) {
            CheckBox box = new CheckBox(TEXT.get("lock." + lock.id));
            box.setId("lesson-lock-" + lock.id);
            box.setOnAction(e -> setLocked(lock, box.isSelected()));
            lockBoxes.put(lock, box);
            locks.getChildren().add(box);
        }
        editing.getChildren().addAll(title, hint, source, buttons, locks);
        VBox.setVgrow(editing, Priority.ALWAYS);
    }

    /** Shows the current step, the navigation and, in teacher mode, the lock choices. */
    private void render() {
        Lesson lesson = document.lesson();
        List<String> steps = lesson.steps();
        int i = Math.max(0, Math.min(step.get(), steps.size() - 1));
        boolean teacher = !studentMode.get();
        view.show(steps.isEmpty() ? "" : steps.get(i));
        stepLabel.setText(steps.isEmpty() ? "" : TEXT.get("step", i + 1, steps.size()));
        back.setDisable(i <= 0);
        next.setDisable(i >= steps.size() - 1);
        empty.setText(teacher ? TEXT.get("emptyTeacher") : TEXT.get("emptyStudent"));
        empty.setVisible(steps.isEmpty());
        empty.setManaged(steps.isEmpty());
        edit.setVisible(teacher);
        edit.setManaged(teacher);
        for (var e : lockBoxes.entrySet()) e.getValue().setSelected(lesson.locked().contains(e.getKey()));
    }

    private void startEditing() {
        source.setText(document.lesson().text());
        getChildren().setAll(editing);
        source.requestFocus();
    }

    private void stopEditing() { getChildren().setAll(reading); }

    boolean isEditing() { return getChildren().contains(editing); }

    private void applyText() {
        Lesson before = document.lesson(), after = before.withText(source.getText());
        stopEditing();
        if (!after.equals(before)) editor.execute(new ValueEdit<>(TEXT.get("undo.text"), document::setLesson, before, after));
    }

    private void setLocked(Lesson.Lock lock, boolean locked) {
        Lesson before = document.lesson();
        Set<Lesson.Lock> l = before.locked().isEmpty() ? EnumSet.noneOf(Lesson.Lock.class) : EnumSet.copyOf(before.locked());
        if (locked) l.add(lock); else l.remove(lock);
        Lesson after = before.withLocked(l);
        if (after.equals(before)) return;
        String label = TEXT.get(locked ? "undo.lock" : "undo.unlock", TEXT.get("short." + lock.id));
        editor.execute(new ValueEdit<>(label, document::setLesson, before, after));
    }

    /**
     * Copies a chosen image into the project (read off the FX thread) and writes its reference at the caret. The name
     * keeps letters, digits, '.', '_' and '-', as entry names must.
     */
    private void insertImage() {
        Path file = chooser.choose();
        if (file == null) return;
        String name = file.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        Supplier<byte[]> read = () -> {
            try {
                return Files.readAllBytes(file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        CompletableFuture.supplyAsync(read, io).whenComplete((bytes, err) -> Platform.runLater(() -> {
            if (err != null) {
                source.insertText(source.getCaretPosition(), TEXT.get("imageUnreadable", file.getFileName()));
                return;
            }
            document.putEntry(Lesson.IMAGE_FOLDER + name, bytes);
            images.remove("lesson/" + name);
            source.insertText(source.getCaretPosition(), "![" + name + "](lesson/" + name + ")");
        }));
    }

    /**
     * An image the lesson names: "lesson/x.png" is the project's entry "data/lesson/x.png". Its bytes are looked up here
     * (a map of the project's entries), decoded on the pool; the view shows it when ready. FX thread.
     */
    private CompletableFuture<Optional<Image>> image(String path) {
        if (path == null || !path.startsWith("lesson/")) return CompletableFuture.completedFuture(Optional.empty());
        CompletableFuture<Optional<Image>> cached = images.get(path);
        if (cached != null) return cached;
        Optional<byte[]> bytes = document.entry(org.layerlab.compute.project.ProjectBundle.DATA_FOLDER + path);
        CompletableFuture<Optional<Image>> img = bytes.isEmpty() ? CompletableFuture.completedFuture(Optional.empty())
                : CompletableFuture.supplyAsync(() -> Optional.of(new Image(new ByteArrayInputStream(bytes.get()))).filter(i -> !i.isError()), decoder);
        images.put(path, img);
        return img;
    }

    int step() { return step.get(); }
}
