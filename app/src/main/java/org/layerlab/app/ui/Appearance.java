package org.layerlab.app.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.stage.Window;
import org.layerlab.charts.ChartStyle;
import org.layerlab.compute.project.AtomicFiles;
import org.layerlab.compute.project.ProjectFileException;
import org.layerlab.compute.text.Messages;

/**
 * How every window looks: the theme (AtlantaFX Primer Light or Dark) and presentation mode (the style class
 * {@code presentation} on each window's root: larger fonts, thicker strokes, higher contrast; layerlab.css and
 * canvas.css). Charts follow through {@link ChartStyle#lookProperty()}. The theme is remembered in
 * {@code appearance.properties} of the settings folder, next to the recent files; presentation mode is for the
 * session only, so the next start at a desk is not in projector-sized type. FX thread only.
 */
public final class Appearance {
    /** The window themes, each an AtlantaFX user-agent sheet. */
    public enum Theme {
        LIGHT, DARK;

        String userAgentStylesheet() {
            return this == DARK ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
        }
    }

    static final String PRESENTATION = "presentation";
    static final String DARK = "dark";
    private static final String THEME_KEY = "theme";
    private static final Messages TEXT = Messages.of("org.layerlab.app.i18n.appearance", Appearance.class);

    private final Path store;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final BooleanProperty presentation = new SimpleBooleanProperty(false);
    private Theme appliedTheme;

    /** Reads the remembered theme from {@code settingsDir}; a missing or damaged file means Light. */
    public Appearance(Path settingsDir) {
        this.store = settingsDir.resolve("appearance.properties");
        theme.set(read(store));
        theme.addListener((o, a, b) -> { apply(); save(); });
        presentation.addListener((o, a, b) -> apply());
        // Dialogs and the Help window get the root classes too, whenever they open.
        Window.getWindows().addListener(windows);
    }

    private final ListChangeListener<Window> windows = c -> apply();

    /** Stops following new windows (the application is stopping). */
    public void close() { Window.getWindows().removeListener(windows); }

    public ObjectProperty<Theme> themeProperty() { return theme; }
    public BooleanProperty presentationProperty() { return presentation; }

    /** Applies the looks now: the theme's sheet, the root classes of every open window, the charts' look. */
    public void apply() {
        // Every tooltip and menu is a window too: only a real change may restyle the scenes and the charts.
        if (appliedTheme != theme.get()) {
            Application.setUserAgentStylesheet(theme.get().userAgentStylesheet());
            appliedTheme = theme.get();
        }
        for (Window w : Window.getWindows()) {
            Scene s = w.getScene();
            if (s != null && s.getRoot() != null) mark(s.getRoot().getStyleClass());
        }
        ChartStyle.Look look = new ChartStyle.Look(theme.get() == Theme.DARK, presentation.get());
        if (!look.equals(ChartStyle.look())) ChartStyle.lookProperty().set(look);
    }

    /** Applies the looks to a scene not shown yet (the main window before its stage opens). */
    public void apply(Scene scene) {
        mark(scene.getRoot().getStyleClass());
        apply();
    }

    private void mark(List<String> classes) {
        toggle(classes, DARK, theme.get() == Theme.DARK);
        toggle(classes, PRESENTATION, presentation.get());
    }

    private static void toggle(List<String> classes, String name, boolean on) {
        if (on && !classes.contains(name)) classes.add(name);
        if (!on) classes.removeAll(List.of(name));
    }

    /** View → Theme → Light / Dark, and View → Presentation mode (F5). */
    public List<MenuItem> menuItems() {
        ToggleGroup group = new ToggleGroup();
        Menu themes = new Menu(TEXT.get("menu.theme"));
        themes.setId("theme-menu");
        for (Theme t : Theme.values()) {
            RadioMenuItem item = new RadioMenuItem(TEXT.get("theme." + t.name().toLowerCase(Locale.ROOT)));
            item.setId("theme-" + t.name().toLowerCase(Locale.ROOT));
            item.setToggleGroup(group);
            item.setSelected(theme.get() == t);
            item.setOnAction(e -> theme.set(t));
            theme.addListener((o, a, b) -> item.setSelected(b == t));
            themes.getItems().add(item);
        }
        CheckMenuItem present = new CheckMenuItem(TEXT.get("menu.presentation"));
        present.setId("presentation-mode");
        present.setAccelerator(new KeyCodeCombination(KeyCode.F5));
        present.selectedProperty().bindBidirectional(presentation);
        return List.of(themes, present);
    }

    private static Theme read(Path store) {
        if (!Files.isRegularFile(store)) return Theme.LIGHT;
        try {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(store, StandardCharsets.UTF_8)));
            return Theme.valueOf(p.getProperty(THEME_KEY, "LIGHT").trim().toUpperCase(Locale.ROOT));
        } catch (IOException | IllegalArgumentException e) {
            // Looks are a convenience: a damaged file starts Light, and the next choice rewrites it.
            System.err.println("layerlab: " + store + ": " + e.getMessage() + "; using the light theme");
            return Theme.LIGHT;
        }
    }

    private void save() {
        Properties p = new Properties();
        p.setProperty(THEME_KEY, theme.get().name().toLowerCase(Locale.ROOT));
        StringWriter out = new StringWriter();
        try {
            p.store(out, "LayerLab appearance");
            AtomicFiles.write(store, out.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException | ProjectFileException e) {
            System.err.println("layerlab: cannot remember the theme: " + e.getMessage());
        }
    }
}
