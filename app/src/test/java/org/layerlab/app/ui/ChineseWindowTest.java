package org.layerlab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Switched to Chinese, the main window shows no English: a walk over its scene graph (labels, buttons, menus and their
 * items, tabs, tooltips, prompts, table columns, the property sheet of a selected layer, the Training panel) finds no
 * text that is a bundle's English text, and no run of ASCII letters but the allowed ones (the project's own names,
 * technical names such as ReLU, Adam, ONNX).
 */
@ExtendWith(ApplicationExtension.class)
class ChineseWindowTest extends MainWindowFixture {
    private static final String SETTINGS = "layerlab.settings.dir";
    @TempDir static Path settings;
    private final String defaultSettings = System.getProperty(SETTINGS);
    private final Locale defaultLocale = Locale.getDefault();

    /** Names that read the same in Chinese: technical names, units, formats, and LayerLab's own name. */
    private static final Set<String> ALLOWED = Set.of("LayerLab", "ReLU", "LeakyReLU", "ELU", "GELU", "SiLU", "Tanh", "Sigmoid",
            "Softmax", "Adam", "AdamW", "SGD", "RMSprop", "Adagrad", "Nesterov", "Huber", "Glorot", "LeCun", "He", "ONNX", "PyTorch",
            "FLOPs", "CSV", "TSV", "JSON", "PNG", "SVG", "IDX", "MNIST", "Fashion", "Iris", "log", "sin", "cos", "ceil", "fan_in",
            "fan_out", "valid", "same", "Dense", "Conv2D", "MaxPool2D", "AvgPool2D", "BatchNormalization", "LayerNormalization",
            "GlobalAveragePooling2D", "Flatten", "Dropout", "Reshape", "ZeroPadding2D", "Concatenate", "Add", "Activation", "Input", "Output", "F1", "Transformer",
            "logits", "Swish", "TensorFlow", "Playground", "TensorBoard", "EMA", "English", "x1", "x2", "safetensors", "Ctrl", "Shift", "Shortcut", "Tab", "Enter", "Esc");

    @Start
    void start(Stage stage) {
        System.setProperty(SETTINGS, settings.toString());
        Locale.setDefault(Locale.ENGLISH);
        open(stage);
    }

    @AfterEach
    void restore() throws Exception {
        onFx(() -> { Language.choose(Language.Choice.ENGLISH, settings); return null; });
        Locale.setDefault(defaultLocale);
        if (defaultSettings == null) System.clearProperty(SETTINGS); else System.setProperty(SETTINGS, defaultSettings);
    }

    @Test
    void theChineseWindowShowsNoEnglish(FxRobot robot) throws Exception {
        String dense = onFx(() -> window.editor().getGraph().nodes().stream().filter(n -> n.type().equals("dense"))
                .findFirst().orElseThrow().id());
        onFx(() -> { window.editor().selectedNodeProperty().set(dense); return null; });
        WaitForAsyncUtils.waitForFxEvents();
        onFx(() -> { Language.choose(Language.Choice.CHINESE, settings); return null; });
        WaitForAsyncUtils.waitForFxEvents();

        Set<String> names = onFx(() -> {
            Set<String> s = new LinkedHashSet<>();
            window.editor().getGraph().nodes().forEach(n -> s.add(n.name()));
            return s;
        });
        Set<String> english = englishTexts();
        List<String> found = new ArrayList<>();
        for (String tab : List.of("properties-tab", "training-tab")) {
            onFx(() -> {
                TabPane side = robot.lookup("#side-tabs").queryAs(TabPane.class);
                side.getTabs().stream().filter(t -> tab.equals(t.getId())).findFirst().ifPresent(t -> side.getSelectionModel().select(t));
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            List<String> texts = onFx(() -> texts(stage.getScene().getRoot()));
            assertTrue(texts.size() > 40, "walked " + texts.size() + " texts");
            for (String t : texts) {
                String why = english(t, names, english);
                if (why != null && !found.contains(why)) found.add(why);
            }
        }
        assertEquals(List.of(), found, "English in the Chinese window");
        assertTrue(onFx(() -> texts(stage.getScene().getRoot())).stream().anyMatch(t -> t != null && t.contains("学习率")),
                "the Training panel shows its settings in Chinese");
    }

    @Test
    void theUndoStepIsRenamedByTheSwitch() throws Exception {
        onFx(() -> {
            var g = window.editor().getGraph();
            var dense = g.nodes().stream().filter(n -> n.type().equals("dense")).findFirst().orElseThrow();
            var units = dense.params().specs().stream().filter(s -> s.name().equals("units")).findFirst().orElseThrow();
            window.editor().execute(org.layerlab.editor.command.GraphCommands.changeParam(g, dense.id(), units, 12));
            return null;
        });
        MenuItem undo = onFx(() -> ((MenuBar) ((javafx.scene.layout.VBox) window.getTop()).getChildren().get(0)).getMenus().get(1)
                .getItems().stream().filter(i -> "menu-undo".equals(i.getId())).findFirst().orElseThrow());
        assertTrue(onFx(undo::getText).startsWith("Undo Change Units of "), onFx(undo::getText));
        onFx(() -> { Language.choose(Language.Choice.CHINESE, settings); return null; });
        WaitForAsyncUtils.waitForFxEvents();
        String zh = onFx(undo::getText);
        assertTrue(zh.startsWith("撤销“修改 ") && zh.endsWith(" 的神经元数”"), zh);
    }

    @Test
    void theCheckFindsEnglish() {
        Set<String> english = Set.of("Use bias");
        assertEquals("\"Use bias\" is the English text of a bundle key", english("Use bias", Set.of(), english));
        assertEquals("\"epoch 3 of 10\": \"epoch\"", english("epoch 3 of 10", Set.of(), english));
        assertEquals(null, english("隐藏层 1 — 全连接层 · ReLU", Set.of(), english));
        assertEquals(null, english("Hidden 1 — 全连接层", Set.of("Hidden 1"), english));
    }

    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    /** Why {@code text} is English (a bundle's English text, or a word not allowed), or null. */
    static String english(String text, Set<String> names, Set<String> english) {
        if (text == null) return null;
        String t = text.strip();
        if (t.isEmpty() || ALLOWED.contains(t)) return null;
        if (english.contains(t)) return "\"" + t + "\" is the English text of a bundle key";
        String rest = t;
        for (String n : names) rest = rest.replace(n, " ");
        Matcher m = WORD.matcher(rest);
        while (m.find()) {
            String w = m.group();
            if (w.length() < 2 || w.matches("[A-Za-z][0-9]+")) continue; // x, units like "s", ids like "r2"
            if (ALLOWED.contains(w)) continue;
            return "\"" + t + "\": \"" + w + "\"";
        }
        return null;
    }

    /** Every English bundle text of the modules with a user interface (as shown, no arguments) that Chinese words differently. */
    private static Set<String> englishTexts() throws IOException, URISyntaxException {
        Set<String> out = new TreeSet<>();
        Path root = Path.of("").toAbsolutePath().getParent();
        for (String module : List.of("app", "graph-editor", "charts", "compute")) {
            Path res = root.resolve(module).resolve("src/main/resources");
            if (!Files.isDirectory(res)) continue;
            try (Stream<Path> files = Files.walk(res)) {
                for (Path en : files.filter(p -> p.toString().contains("/i18n/") && p.toString().endsWith(".properties")
                        && !p.getFileName().toString().contains("_")).toList()) {
                    Properties e = load(en), zh = load(en.resolveSibling(en.getFileName().toString().replace(".properties", "_zh_CN.properties")));
                    for (String k : e.stringPropertyNames()) {
                        String v = e.getProperty(k);
                        if (v.contains("{") || v.equals(zh.getProperty(k)) || v.isBlank()) continue;
                        try {
                            out.add(new MessageFormat(v, Locale.ENGLISH).format(new Object[0]).strip());
                        } catch (IllegalArgumentException ex) {
                            out.add(v.strip());
                        }
                    }
                }
            }
        }
        return out;
    }

    private static Properties load(Path f) throws IOException {
        Properties p = new Properties();
        if (!Files.exists(f)) return p;
        try (InputStream in = Files.newInputStream(f)) { p.load(new InputStreamReader(in, StandardCharsets.UTF_8)); }
        return p;
    }

    /** The texts shown under {@code root}, with what is not a child node: menus, tabs, tooltips, columns. */
    static List<String> texts(Parent root) {
        List<String> out = new ArrayList<>();
        walk(root, out, Collections.newSetFromMap(new IdentityHashMap<>()));
        return out;
    }

    private static void walk(Node node, List<String> out, Set<Object> seen) {
        if (node == null || !seen.add(node) || !node.isVisible()) return;
        if (node instanceof Labeled l) out.add(l.getText());
        if (node instanceof TextInputControl t) out.add(t.getPromptText());
        if (node instanceof Control c) {
            tooltip(c.getTooltip(), out);
            if (c.getContextMenu() != null) items(c.getContextMenu().getItems(), out);
        }
        if (node instanceof MenuBar bar) for (Menu m : bar.getMenus()) item(m, out);
        if (node instanceof MenuButton b) items(b.getItems(), out);
        if (node instanceof TabPane tabs) {
            for (Tab t : tabs.getTabs()) {
                out.add(t.getText());
                tooltip(t.getTooltip(), out);
            }
        }
        if (node instanceof TitledPane p) walk(p.getContent(), out, seen);
        if (node instanceof ScrollPane s) walk(s.getContent(), out, seen);
        if (node instanceof SplitPane s) for (Node n : s.getItems()) walk(n, out, seen);
        if (node instanceof TableView<?> t) columns(t.getColumns(), out);
        if (node instanceof Parent p) for (Node n : p.getChildrenUnmodifiable()) walk(n, out, seen);
    }

    private static void columns(List<? extends TableColumnBase<?, ?>> cols, List<String> out) {
        for (TableColumnBase<?, ?> c : cols) {
            out.add(c.getText());
            columns(c.getColumns(), out);
        }
    }

    private static void items(List<MenuItem> items, List<String> out) { for (MenuItem i : items) item(i, out); }

    private static void item(MenuItem i, List<String> out) {
        // The bundled samples are named by their own project files (content, like a student's file name).
        if (!i.isVisible() || "file-samples".equals(i.getId())) return;
        out.add(i.getText());
        if (i instanceof Menu m) items(m.getItems(), out);
    }

    private static void tooltip(Tooltip t, List<String> out) { if (t != null) out.add(t.getText()); }
}
