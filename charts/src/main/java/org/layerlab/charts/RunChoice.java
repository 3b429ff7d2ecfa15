package org.layerlab.charts;

import java.util.List;
import java.util.function.Predicate;
import javafx.scene.control.ChoiceBox;
import javafx.util.StringConverter;
import org.layerlab.charts.model.RunData;
import org.layerlab.charts.model.RunStore;

/**
 * A run picker that follows the newest run having data until the user picks one, and keeps its choice in
 * step with the store (renames, deletions).
 */
final class RunChoice extends ChoiceBox<RunData> {
    private final RunStore store;
    private final Predicate<RunData> hasData;
    private boolean userPicked;
    private boolean syncing;

    RunChoice(RunStore store, Predicate<RunData> hasData) {
        this.store = store;
        this.hasData = hasData;
        setConverter(new StringConverter<>() {
            @Override public String toString(RunData r) { return r == null ? "" : r.name(); }
            @Override public RunData fromString(String s) { return null; }
        });
        valueProperty().addListener((o, a, b) -> { if (!syncing && b != null) userPicked = true; });
    }

    /** Shows this run (when it has data), as if the user had picked it. */
    void pick(RunData r) {
        if (r != null && getItems().contains(r)) {
            setValue(r);
            userPicked = true;
        }
    }

    /** Updates the choices; returns the run to show, or null. */
    RunData sync() {
        List<RunData> runs = store.runs().stream().filter(hasData).toList();
        syncing = true;
        try {
            if (!getItems().equals(runs)) {
                RunData keep = getValue();
                getItems().setAll(runs);
                if (keep != null && runs.contains(keep)) setValue(keep);
            }
            if (getValue() == null || !runs.contains(getValue())) userPicked = false;
            // A run that is gone (another project was opened) is not shown any more, even with no other to show.
            if (getValue() != null && !runs.contains(getValue())) setValue(null);
            if (!userPicked && !runs.isEmpty() && getValue() != runs.get(runs.size() - 1)) setValue(runs.get(runs.size() - 1));
        } finally {
            syncing = false;
        }
        return getValue();
    }
}
