package org.layerlab.app.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.RadioMenuItem;
import javafx.stage.Window;
import org.layerlab.compute.project.AtomicFiles;
import org.layerlab.compute.project.ProjectFileException;
import org.layerlab.compute.text.Messages;

/**
 * The language of the user interface: English or Simplified Chinese, chosen from View → Language, remembered in
 * {@code language.txt} of the settings folder (see {@link RecentFiles#settingsDirectory()}) and made the default
 * locale, which every {@link Messages} reads at each call. A switch relabels the windows already open in place
 * (every text that came from a bundle), so the project, the runs, the undo history and a run in progress are untouched.
 */
public final class Language {
    /** The languages offered, each with its name written in itself (as a language menu shows them). */
    public enum Choice {
        ENGLISH(Locale.ENGLISH),
        CHINESE(Locale.SIMPLIFIED_CHINESE);

        private final Locale locale;

        Choice(Locale locale) { this.locale = locale; }

        public Locale locale() { return locale; }
        /** The language's name written in itself, the same in every interface language (bundle key name.TAG). */
        public String ownName() { return OWN_NAMES.get("name." + tag()); }

        /** The language tag as stored ("en", "zh-CN"). */
        String tag() { return locale.toLanguageTag(); }

        static Choice of(Locale l) {
            return "zh".equals(l.getLanguage()) ? CHINESE : ENGLISH;
        }
    }

    private static final Messages OWN_NAMES = Messages.of("org.layerlab.app.i18n.language", Language.class);
    private static final ReadOnlyObjectWrapper<Choice> CURRENT = new ReadOnlyObjectWrapper<>(Choice.of(Locale.getDefault()));

    private Language() {}

    /** The language in use (FX thread); listen to it to redo texts that {@link #relabelAll()} cannot reach. */
    public static ReadOnlyObjectProperty<Choice> current() { return CURRENT.getReadOnlyProperty(); }

    private static Path file(Path settingsDir) { return settingsDir.resolve("language.txt"); }

    /** The language saved in {@code settingsDir}, or null when none was chosen (or the file cannot be read). */
    static Choice saved(Path settingsDir) {
        try {
            Path f = file(settingsDir);
            if (!Files.isRegularFile(f)) return null;
            String tag = Files.readString(f, StandardCharsets.UTF_8).strip();
            for (Choice c : Choice.values()) if (c.tag().equalsIgnoreCase(tag)) return c;
        } catch (IOException | RuntimeException e) {
            // An unreadable choice is only a preference lost: the system's language stays.
        }
        return null;
    }

    /** At start: makes the saved language the default, if one was chosen; else the system's stays. */
    public static void applySaved(Path settingsDir) {
        Choice c = saved(settingsDir);
        if (c != null) Locale.setDefault(c.locale());
        CURRENT.set(Choice.of(Locale.getDefault()));
    }

    /** Switches to {@code c} (FX thread): makes it the default, remembers it in {@code settingsDir} and relabels every window. */
    public static void choose(Choice c, Path settingsDir) {
        Locale.setDefault(c.locale());
        try {
            AtomicFiles.write(file(settingsDir), (c.tag() + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (ProjectFileException e) {
            System.err.println("layerlab: cannot remember the language: " + e.getMessage());
        }
        CURRENT.set(c);
        relabelAll();
    }

    /** View → Language: one radio item per language, the one in use checked. */
    static Menu menu(Path settingsDir) {
        Menu menu = new Menu(TEXT.get("menu"));
        menu.setId("language-menu");
        ToggleGroup group = new ToggleGroup();
        for (Choice c : Choice.values()) {
            RadioMenuItem item = new RadioMenuItem(c.ownName());
            item.setId("language-" + c.name().toLowerCase(Locale.ROOT));
            item.setToggleGroup(group);
            item.setSelected(c == CURRENT.get());
            item.setOnAction(e -> { if (c != CURRENT.get()) choose(c, settingsDir); });
            // Weakly: the language outlives every window; the item keeps its listener alive as long as it lives.
            javafx.beans.value.ChangeListener<Choice> follow = (o, a, now) -> item.setSelected(now == c);
            item.getProperties().put(Language.class, follow);
            CURRENT.addListener(new javafx.beans.value.WeakChangeListener<>(follow));
            menu.getItems().add(item);
        }
        return menu;
    }

    static final Messages TEXT = Messages.of("org.layerlab.app.i18n.language", Language.class);

    /** Relabels every open window: each text that came from a bundle is produced again in the current language. */
    public static void relabelAll() {
        Set<Object> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Window w : Window.getWindows().toArray(Window[]::new)) {
            if (w.getScene() != null) relabel(w.getScene().getRoot(), seen);
        }
    }

    /** Relabels {@code node} and everything under it, including what is not a child node: menus, tabs, tooltips. */
    static void relabel(Node node, Set<Object> seen) {
        if (node == null || !seen.add(node)) return;
        if (node.getProperties().get(org.layerlab.editor.PaletteView.RELABEL) instanceof Runnable redo) redo.run();
        if (node instanceof Labeled l && !l.textProperty().isBound()) l.setText(again(l, l.getText()));
        if (node instanceof TextInputControl t && !t.promptTextProperty().isBound()) t.setPromptText(again(t, t.getPromptText()));
        if (node instanceof Control c) {
            tooltip(c.getTooltip());
            if (c.getContextMenu() != null) items(c.getContextMenu().getItems(), seen);
        }
        if (node instanceof MenuBar bar) for (Menu m : bar.getMenus()) item(m, seen);
        if (node instanceof MenuButton b) items(b.getItems(), seen);
        if (node instanceof TabPane tabs) {
            for (Tab t : tabs.getTabs()) {
                if (!t.textProperty().isBound()) t.setText(again(t, t.getText()));
                tooltip(t.getTooltip());
                relabel(t.getContent(), seen);
            }
        }
        if (node instanceof TitledPane p) relabel(p.getContent(), seen);
        if (node instanceof ScrollPane s) relabel(s.getContent(), seen);
        if (node instanceof SplitPane s) for (Node n : s.getItems()) relabel(n, seen);
        if (node instanceof TableView<?> t) columns(t.getColumns());
        if (node instanceof Parent p) for (Node n : p.getChildrenUnmodifiable().toArray(Node[]::new)) relabel(n, seen);
    }

    private static void columns(ObservableList<? extends TableColumnBase<?, ?>> cols) {
        for (TableColumnBase<?, ?> c : cols) {
            if (!c.textProperty().isBound()) c.setText(again(c, c.getText()));
            columns(c.getColumns());
        }
    }

    private static void items(ObservableList<MenuItem> items, Set<Object> seen) {
        for (MenuItem i : items) item(i, seen);
    }

    private static void item(MenuItem i, Set<Object> seen) {
        if (!seen.add(i)) return;
        if (i.getProperties().get(org.layerlab.editor.PaletteView.RELABEL) instanceof Runnable redo) redo.run();
        if (!i.textProperty().isBound()) i.setText(again(i, i.getText()));
        if (i instanceof Menu m) items(m.getItems(), seen);
    }

    private static void tooltip(Tooltip t) {
        if (t != null && !t.textProperty().isBound()) t.setText(again(t, t.getText()));
    }

    /**
     * {@code owner}'s {@code text} in the current language when it came from a bundle, else as it is (a file name, a
     * number). Where each owner's text came from is kept after the first look-up: two English texts may share one
     * Chinese word ("Train", "Training": 训练), so going back cannot rely on the text alone.
     */
    private static String again(Object owner, String text) {
        if (text == null || text.isEmpty()) return text;
        Relabelled known = RELABELLED.get(owner);
        Messages.Origin origin = known != null && known.produced().equals(text) ? known.origin() : Messages.origin(text);
        if (origin == null) return text;
        String now = origin.text();
        RELABELLED.put(owner, new Relabelled(origin, now));
        return now;
    }

    private record Relabelled(Messages.Origin origin, String produced) {}

    /** What each control's text came from at the last switch (weak: a closed window's controls go). */
    private static final Map<Object, Relabelled> RELABELLED = new WeakHashMap<>();
}
