package org.layerlab.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.AbstractPropertyEditor;
import org.controlsfx.property.editor.DefaultPropertyEditorFactory;
import org.controlsfx.property.editor.PropertyEditor;
import org.layerlab.compute.catalog.InvalidParamException;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.catalog.ParamType;
import org.layerlab.compute.catalog.Params;

/**
 * A property sheet for any declared settings ({@link ParamSpec}s with their checked {@link Params}), outside the graph:
 * a data source's settings, a split, training settings. Only the settings that apply with the current values are
 * shown (a chosen entry's own settings while it is chosen). A change is checked by the declaration; an accepted one
 * goes to the owner as the whole new {@link Params} (to make it one undoable command), a refused one is explained
 * below the sheet and the field shows the kept value again. Number fields commit on Enter and on leaving the field.
 */
public final class ParamSheet extends VBox {
    /** Receives an accepted change: the setting changed and all the settings with it. */
    @FunctionalInterface
    public interface Change {
        void changed(ParamSpec spec, Object value, Params after);
    }

    private final PropertySheet sheet = new PropertySheet();
    private final Label message = new Label();
    private Params shown;
    private List<ParamSpec> shownSpecs = List.of();
    private Change onChange = (s, v, p) -> {};
    private boolean committing;
    private java.util.function.Predicate<ParamSpec> filter = s -> true;

    public ParamSheet() {
        getStyleClass().add("param-sheet");
        setSpacing(4);
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setMode(PropertySheet.Mode.NAME);
        message.setWrapText(true);
        message.getStyleClass().add("param-sheet-message");
        message.setManaged(false);
        message.setVisible(false);
        DefaultPropertyEditorFactory defaults = new DefaultPropertyEditorFactory();
        sheet.setPropertyEditorFactory(item -> {
            Item p = (Item) item;
            PropertyEditor<?> ed = p.spec.type() == ParamType.CHOICE ? choiceEditor(item, p.spec)
                    : stepOf(p.spec) > 0 ? spinnerEditor(item, p.spec) : defaults.call(item);
            commitOnEnter(item, ed);
            p.field = ed;
            if (ed.getEditor() != null) ed.getEditor().setId(getId() == null ? null : getId() + "-" + p.spec.name());
            if (ed.getEditor() instanceof Spinner<?> sp) sp.getEditor().setId(getId() == null ? null : getId() + "-" + p.spec.name() + "-text");
            return ed;
        });
        getChildren().addAll(sheet, message);
    }

    /** Shows only the settings {@code which} accepts (others are edited elsewhere, e.g. by a wizard's own controls). */
    public void setShown(java.util.function.Predicate<ParamSpec> which) {
        filter = which == null ? s -> true : which;
        Params p = shown;
        shown = null;
        shownSpecs = List.of();
        if (p != null) show(p);
    }

    /** Where accepted changes go. */
    public void setOnChange(Change c) { onChange = c == null ? (s, v, p) -> {} : c; }

    /**
     * Shows these settings: in place when the same settings apply (so focus and caret stay while another edit or an
     * undo changes a value), rebuilt otherwise.
     */
    public void show(Params values) {
        List<ParamSpec> specs = values == null ? List.of() : values.specs().stream().filter(s -> values.applies(s.name()) && filter.test(s)).toList();
        boolean same = shown != null && specs.equals(shownSpecs) && !sheet.getItems().isEmpty();
        shown = values;
        if (same) {
            for (PropertySheet.Item i : sheet.getItems()) ((Item) i).reload();
            return;
        }
        shownSpecs = specs;
        if (committing) {
            // Called back from an editor's own commit: rebuild once that editor has finished with its row.
            Platform.runLater(() -> { if (shown == values) rebuild(specs); });
            return;
        }
        rebuild(specs);
    }

    private void rebuild(List<ParamSpec> specs) {
        List<PropertySheet.Item> items = new ArrayList<>();
        for (ParamSpec s : specs) items.add(new Item(s));
        sheet.getItems().setAll(items);
    }

    public Params shown() { return shown; }

    {
        // A switch of language rebuilds the rows, so every setting's label and explanation is read again.
        getProperties().put(PaletteView.RELABEL, (Runnable) () -> { if (!committing) rebuild(shownSpecs); });
    }

    /** The text explaining the last refused value, or "". */
    public String message() { return message.getText(); }

    /** Sets a setting as if typed into its field (tests, and owners with buttons of their own). */
    public void edit(String name, Object value) {
        for (PropertySheet.Item i : List.copyOf(sheet.getItems())) if (((Item) i).spec.name().equals(name)) { i.setValue(value); return; }
    }

    PropertySheet sheet() { return sheet; }

    private void say(String text) {
        message.setText(text);
        message.setVisible(!text.isEmpty());
        message.setManaged(!text.isEmpty());
    }

    /** One declared setting as a row of the sheet. */
    private final class Item implements PropertySheet.Item {
        final ParamSpec spec;
        final ObjectProperty<Object> value = new SimpleObjectProperty<>();
        PropertyEditor<?> field;

        Item(ParamSpec spec) {
            this.spec = spec;
            reload();
        }

        void reload() { value.set(stored()); }

        Object stored() {
            Object v = shown.get(spec.name());
            return spec.type() == ParamType.SHAPE ? String.join("×", ((List<?>) v).stream().map(String::valueOf).toList()) : v;
        }

        @Override public Class<?> getType() {
            return switch (spec.type()) {
                case INT -> Integer.class;
                case FLOAT -> Double.class;
                case BOOLEAN -> Boolean.class;
                default -> String.class;
            };
        }

        @Override public String getCategory() { return ""; }
        @Override public String getName() { return spec.label(); }
        @Override public String getDescription() { return spec.description(); }
        @Override public Object getValue() { return stored(); }
        @Override public Optional<ObservableValue<? extends Object>> getObservableValue() { return Optional.of(value); }

        @Override public void setValue(Object v) {
            if (v == null || shown == null) return;
            Object current = stored();
            if (Objects.equals(current, v) || (current instanceof Number a && v instanceof Number b && a.doubleValue() == b.doubleValue()
                    && spec.type() != ParamType.SHAPE)) return;
            try {
                Params after = shown.with(spec.name(), v);
                if (after.equals(shown)) return;
                say("");
                committing = true;
                try {
                    onChange.changed(spec, after.get(spec.name()), after);
                } finally {
                    committing = false;
                }
            } catch (InvalidParamException e) {
                say(e.getMessage());
                Platform.runLater(this::revert);
            }
        }

        @SuppressWarnings("unchecked")
        void revert() {
            if (field != null) ((PropertyEditor<Object>) field).setValue(stored());
            value.set(stored());
        }
    }

    /** A drop-down of the declared choices, shown by their labels while the value stays the id. */
    static PropertyEditor<String> choiceEditor(PropertySheet.Item item, ParamSpec spec) {
        ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList(spec.choices()));
        box.setMaxWidth(Double.MAX_VALUE);
        box.setConverter(new StringConverter<>() {
            @Override public String toString(String id) { return id == null ? "" : spec.choiceLabel(id); }
            @Override public String fromString(String label) {
                return spec.choices().stream().filter(c -> spec.choiceLabel(c).equals(label)).findFirst().orElse(label);
            }
        });
        return new AbstractPropertyEditor<>(item, box) {
            @Override protected ObservableValue<String> getObservableValue() { return getEditor().getSelectionModel().selectedItemProperty(); }
            @Override public void setValue(String value) { getEditor().getSelectionModel().select(value); }
        };
    }

    /**
     * The arrow step of a number setting with a modest range (noise 0–2 steps by 0.05, so raising it is one click), or
     * 0 for a plain field: a range spanning orders of magnitude (a learning rate) has no good fixed step.
     */
    static double stepOf(ParamSpec spec) {
        double span = spec.max() - spec.min();
        if (spec.type() == ParamType.INT) return span <= 1_000_000 ? Math.max(1, niceStep(span / 1000)) : 0;
        if (spec.type() != ParamType.FLOAT || !(span > 0) || span > 100 || spec.min() < -1e6) return 0;
        return niceStep(span / 40);
    }

    private static double niceStep(double raw) {
        if (!(raw > 0)) return 0;
        double mag = Math.pow(10, Math.floor(Math.log10(raw))), f = raw / mag;
        return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * mag;
    }

    /** A spinner for a number with a step: typed values commit on Enter or leaving the field, arrows commit at once. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static PropertyEditor<Object> spinnerEditor(PropertySheet.Item item, ParamSpec spec) {
        double step = stepOf(spec);
        boolean integer = spec.type() == ParamType.INT;
        Spinner spinner = new Spinner();
        SpinnerValueFactory factory = integer
                ? new SpinnerValueFactory.IntegerSpinnerValueFactory((int) spec.min(), (int) Math.min(Integer.MAX_VALUE, spec.max()),
                        ((Number) item.getValue()).intValue(), (int) step)
                : new SpinnerValueFactory.DoubleSpinnerValueFactory(spec.min(), spec.max(), ((Number) item.getValue()).doubleValue(), step);
        if (!integer) ((SpinnerValueFactory.DoubleSpinnerValueFactory) factory).setConverter(new StringConverter<Double>() {
            @Override public String toString(Double d) { return d == null ? "" : numberText(d); }
            @Override public Double fromString(String s) {
                try { return Double.valueOf(s.strip()); } catch (NumberFormatException e) { return null; }
            }
        });
        spinner.setValueFactory(factory);
        spinner.setEditable(true);
        spinner.setMaxWidth(Double.MAX_VALUE);
        // A value outside the range is not clamped silently: the declaration refuses it with its reason.
        spinner.getEditor().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.ENTER) return;
            String text = spinner.getEditor().getText().strip();
            try {
                item.setValue(integer ? (Object) Integer.valueOf(text) : (Object) Double.valueOf(text));
            } catch (NumberFormatException x) {
                item.setValue(text);
            }
            e.consume();
        });
        return new AbstractPropertyEditor<Object, Spinner>(item, spinner) {
            @Override protected ObservableValue<Object> getObservableValue() { return (ObservableValue<Object>) getEditor().valueProperty(); }
            @Override public void setValue(Object value) {
                if (value instanceof Number n) getEditor().getValueFactory().setValue(integer ? (Object) n.intValue() : (Object) n.doubleValue());
            }
        };
    }

    /**
     * A number as a field shows it: plainly ("0.003", "0.999", "42") while that stays short, in scientific notation
     * ("1e-8", "2.5e-5", "3e9") when it is tiny or huge, so Adam's ε reads 1e-8 instead of a field of zeros.
     */
    static String numberText(double d) {
        if (d == 0 || !Double.isFinite(d)) return d == 0 ? "0" : String.valueOf(d);
        java.math.BigDecimal b = java.math.BigDecimal.valueOf(d).round(new java.math.MathContext(6)).stripTrailingZeros();
        double a = Math.abs(d);
        if (a >= 1e-3 && a < 1e7) return b.toPlainString();
        int exponent = b.precision() - b.scale() - 1;
        return b.movePointLeft(exponent).toPlainString() + "e" + exponent;
    }

    /** ControlsFX number and text editors commit only when focus leaves; Enter commits too. */
    static void commitOnEnter(PropertySheet.Item item, PropertyEditor<?> ed) {
        if (!(ed.getEditor() instanceof TextField field)) return;
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.ENTER) return;
            String text = field.getText();
            Object value = text;
            if (item.getType() == Integer.class) {
                try { value = Integer.valueOf(text.trim()); } catch (NumberFormatException x) { value = text; }
            } else if (item.getType() == Double.class) {
                try { value = Double.valueOf(text.trim()); } catch (NumberFormatException x) { value = text; }
            }
            item.setValue(value);
            e.consume();
        });
    }
}
