package org.layerlab.app.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.CheckMenuItem;
import org.layerlab.compute.project.Lesson;

/**
 * Student or teacher mode. A project whose lesson locks something opens in student mode, where those parts of the
 * window are hidden or read only and the lesson cannot be edited; teacher mode (View → Student mode unticked) shows
 * everything. A lesson that locks nothing opens in teacher mode, so its text stays editable. This is classroom
 * guidance, not security: the file itself stays editable.
 */
final class StudentMode {
    private final BooleanProperty on = new SimpleBooleanProperty();
    private final ProjectDocumentModel document;

    StudentMode(ProjectDocumentModel document) {
        this.document = document;
        on.set(!document.lesson().locked().isEmpty());
        document.projectProperty().addListener((o, a, p) -> on.set(!document.lesson().locked().isEmpty()));
    }

    BooleanProperty property() { return on; }

    /** True while student mode is on and the lesson locks {@code lock}. */
    BooleanBinding locks(Lesson.Lock lock) {
        return Bindings.createBooleanBinding(() -> on.get() && document.lesson().locked().contains(lock), on, document.lessonProperty());
    }

    CheckMenuItem menuItem() {
        CheckMenuItem item = new CheckMenuItem(LessonPanel.TEXT.get("menu.studentMode"));
        item.setId("view-student-mode");
        item.selectedProperty().bindBidirectional(on);
        return item;
    }
}
