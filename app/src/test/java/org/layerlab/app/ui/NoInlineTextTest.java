package org.layerlab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * User-visible text comes from resource bundles, never from a string literal in code: a literal with words in it,
 * passed to a control's text, a tooltip, a menu item, a dialog or a table column, would stay English in the Chinese
 * window. Scans the main sources of every module with a user interface; bundle look-ups ({@code TEXT.get("key")})
 * are fine, as are literals without letters ("→ ", "⚠") and key-like ones ("props.title", "file"): a single lower-case word
 * shown as text would pass, which the Chinese window walk ({@link ChineseWindowTest}) catches instead.
 */
class NoInlineTextTest {

    /** A call that shows its first argument's text to the user, up to the end of the line. */
    private static final Pattern SHOWN = Pattern.compile(
            "(?:\\.set(?:Text|Title|HeaderText|ContentText|PromptText|Placeholder|Label)\\(|new (?:Label|Tooltip|MenuItem|Menu|"
            + "RadioMenuItem|CheckMenuItem|Button|ToggleButton|CheckBox|RadioButton|Hyperlink|Tab|TitledPane|ButtonType|"
            + "TableColumn<[^>]*>|Alert|TextInputDialog|Text)\\()(.*)$");
    /** Bundle look-ups and other literals that are keys, ids or formats rather than text. */
    private static final Pattern NOT_TEXT = Pattern.compile(
            "\\.(?:get|text|has|getString|getId|equals|startsWith|lookup|format|getPseudoClass|getProperty|resolve)\\(\\s*\"(?:[^\"\\\\]|\\\\.)*\""
            + "|String\\.format\\((?:Locale\\.ROOT, )?\"(?:[^\"\\\\]|\\\\.)*\"|FontIcon\\(\"[^\"]*\"");
    /** One string literal, read left to right. */
    private static final Pattern LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    /** A word: two ASCII letters in a row (escapes such as \\u2014 removed first). */
    private static final Pattern WORD = Pattern.compile("[A-Za-z]{2}");
    /** A key, id or setting name ("props.manyHint", "file", "summary.classes"): lower case first, no spaces. */
    private static final Pattern KEY = Pattern.compile("\"[a-z][A-Za-z0-9]*(?:[._-][A-Za-z0-9]+)*\"");

    /** What {@code line} shows the user as a literal, or null. */
    static String inlineText(String line) {
        String code = line.strip();
        if (code.startsWith("//") || code.startsWith("*") || code.startsWith("/*")) return null;
        Matcher m = SHOWN.matcher(code);
        while (m.find()) {
            String args = NOT_TEXT.matcher(m.group(1)).replaceAll("KEY");
            Matcher l = LITERAL.matcher(args);
            while (l.find()) {
                String literal = l.group();
                if (KEY.matcher(literal).matches()) continue;
                if (WORD.matcher(literal.replaceAll("\\\\u[0-9a-fA-F]{4}|\\\\.", " ")).find()) return literal;
            }
        }
        return null;
    }

    @Test void noMainSourceShowsALiteralText() throws IOException {
        List<String> found = UiSources.find(NoInlineTextTest::inlineText);
        assertEquals(List.of(), found, "texts in code: move them into a resource bundle (English and Chinese)");
    }

    @Test void theScanCatchesLiteralTextAndLetsBundleTextThrough() {
        assertEquals("\"Run\"", inlineText("HBox top = new HBox(10, new Label(\"Run\"), run);"));
        assertEquals("\" layers selected\"", inlineText("title.setText(count + \" layers selected\");"));
        assertEquals("\"Recover\"", inlineText("ButtonType recover = new ButtonType(\"Recover\", ButtonBar.ButtonData.YES);"));
        assertEquals("\"Exporting…\"", inlineText("status.setText(\"Exporting…\");"));
        assertFalse(inlineText("new Label(TEXT.get(\"run\"))") != null);
        assertFalse(inlineText("title.setText(TEXT.get(\"props.title\", n.name(), type.displayName()));") != null);
        assertFalse(inlineText("Label shape = new Label(\"→ \" + info.outputShape());") != null);
        assertFalse(inlineText("// new Label(\"Run\") was here") != null);
        assertFalse(inlineText("description.setText(TEXT.get(count > 1 ? \"props.manyHint\" : \"props.noneHint\"));") != null);
        assertFalse(inlineText("MenuItem m = new MenuItem(p.getFileName() + \"  \\u2014  \" + (p.getParent() == null ? \"\" : p));") != null);
    }
}
