package org.layerlab.editor;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
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
 * A property sheet generated from declared parameters ({@link ParamSpec}s) over a {@link Params} value kept elsewhere:
 * a row for every parameter that applies with the current values (a chosen entry's settings only while it is chosen),
 * drop-downs for choices shown by their labels, number fields that commit on Enter as well as on leaving them. A change
 * goes to {@code change}, which makes it (as an undoable command) or refuses it; a refused value is reported to
 * {@code refused} and the field shows the kept value again. The layer property sheet and the Training panel use it.
 */
public final class ParamSheet {
    /** Makes a change or refuses it with the reason for the user. */
    @FunctionalInterface
    public interface Change { void set(ParamSpec spec, Object value) throws InvalidParamException; }

    private final PropertySheet sheet = new PropertySheet();
    private final Supplier<Params> values;
    private final Function<ParamSpec, String> category;
    private final Change change;
    private final Consumer<String> refused;
    private List<ParamSpec> shown = List.of();

    public ParamSheet(Supplier<Params> values, Function<ParamSpec, String> category, Change change, Consumer<String> refused) {
        this.values = values;
        this.category = category;
        this.change = change;
        this.refused = refused;
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setMode(PropertySheet.Mode.NAME);
        DefaultPropertyEditorFactory defaults = new DefaultPropertyEditorFactory();
        sheet.setPropertyEditorFactory(item -> {
            PropertyEditor<?> ed = item instanceof Row r && r.spec.type() == ParamType.CHOICE ? choiceEditor(item, r.spec) : defaults.call(item);
            commitOnEnter(item, ed);
            if (item instanceof Row r) r.field = ed;
            return ed;
        });
        refresh();
    }

    public PropertySheet view() { return sheet; }

    /** Shows the current values: new rows when the parameters that apply changed, else the fields updated in place. */
    public void refresh() {
        Params p = values.get();
        List<ParamSpec> applicable = p.specs().stream().filter(s -> p.applies(s.name())).toList();
        if (applicable.equals(shown) && !sheet.getItems().isEmpty()) {
            for (PropertySheet.Item item : sheet.getItems()) ((Row) item).reload();
            return;
        }
        shown = applicable;
        sheet.getItems().setAll(applicable.stream().map(Row::new).toList());
    }

    /** The names of the parameters shown now, in order. */
    public List<String> shownNames() { return shown.stream().map(ParamSpec::name).toList(); }

    /** The editor control of a shown parameter (tests, focus), or null. */
    public javafx.scene.Node editorOf(String name) {
        return rows().filter(r -> r.spec.name().equals(name)).findFirst().map(r -> r.field == null ? null : r.field.getEditor()).orElse(null);
    }

    /** Enters a value for a shown parameter as its editor would. */
    public void set(String name, Object value) {
        rows().filter(r -> r.spec.name().equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(name + " is not shown")).setValue(value);
    }

    private java.util.stream.Stream<Row> rows() { return sheet.getItems().stream().map(Row.class::cast); }

    /** A drop-down of the declared choices, shown by their labels ("Glorot uniform") while the value stays the id. */
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

    /** ControlsFX number and text editors commit only when focus leaves; Enter should commit too. */
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

    /** The row's type for the sheet's editors. */
    static Class<?> typeOf(ParamSpec spec) {
        return switch (spec.type()) {
            case INT -> Integer.class;
            case FLOAT -> Double.class;
            case BOOLEAN -> Boolean.class;
            case CHOICE, SHAPE, TEXT -> String.class;
        };
    }

    /** The explanation with the allowed values, for the row's tooltip. */
    static String describe(ParamSpec spec) {
        String range = switch (spec.type()) {
            case INT, FLOAT -> " Allowed: " + fmt(spec.min()) + " to " + fmt(spec.max()) + ".";
            case SHAPE -> " Sizes separated by × or commas, e.g. 1×28×28.";
            case CHOICE -> " One of: " + String.join(", ", spec.choices().stream().map(spec::choiceLabel).toList()) + ".";
            case BOOLEAN, TEXT -> "";
        };
        return spec.description() + range;
    }

    static String fmt(double d) {
        if (d >= Integer.MAX_VALUE) return "∞";
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** One declared parameter; its value is observable, so undo shows in the field without a rebuild. */
    private final class Row implements PropertySheet.Item {
        final ParamSpec spec;
        final ObjectProperty<Object> value = new SimpleObjectProperty<>();
        PropertyEditor<?> field;

        Row(ParamSpec spec) {
            this.spec = spec;
            reload();
        }

        Object stored() {
            Object v = values.get().get(spec.name());
            return spec.type() == ParamType.SHAPE ? String.join("×", ((List<?>) v).stream().map(String::valueOf).toList()) : v;
        }

        void reload() { value.set(stored()); }

        @SuppressWarnings("unchecked")
        void revert() {
            if (field != null) ((PropertyEditor<Object>) field).setValue(stored());
            value.set(stored());
        }

        @Override public Class<?> getType() { return typeOf(spec); }
        @Override public String getCategory() { return category.apply(spec); }
        @Override public String getName() { return spec.label(); }
        @Override public String getDescription() { return describe(spec); }
        @Override public Object getValue() { return stored(); }
        @Override public Optional<ObservableValue<? extends Object>> getObservableValue() { return Optional.of(value); }

        @Override public void setValue(Object v) {
            if (v == null) return;
            Object current = stored();
            if (Objects.equals(current, v) || (current instanceof Number a && v instanceof Number b && a.doubleValue() == b.doubleValue())) return;
            try {
                change.set(spec, v);
            } catch (InvalidParamException e) {
                refused.accept(e.getMessage());
                Platform.runLater(this::revert);
            }
        }
    }
}
