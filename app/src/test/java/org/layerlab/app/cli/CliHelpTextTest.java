package org.layerlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every command's --help comes from the clihelp bundle, in the language of the moment. */
class CliHelpTextTest {
    private final Locale before = Locale.getDefault();

    @AfterEach void restore() { Locale.setDefault(before); }

    private static String help(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(0, LayerLabCli.run(new PrintWriter(out), new PrintWriter(err), args), err.toString());
        return out.toString();
    }

    @Test void englishHelpDescribesEveryCommandAndOption() {
        Locale.setDefault(Locale.ENGLISH);
        String root = help("--help");
        assertTrue(root.contains("Design, train and inspect neural networks."), root);
        assertTrue(root.contains("Show this help message and exit."), root);
        String train = help("train", "--help");
        assertTrue(train.contains("Train a project without the window"), train);
        assertTrue(train.contains("Train for N epochs instead of the project's setting."), train);
        assertTrue(train.contains("A .layerlab project file."), train);
        for (String command : new String[] {"data", "export", "import", "info", "predict"}) {
            String h = help(command, "--help");
            for (String line : h.split("\\R")) {
                // an option or parameter line with no description would end right after its name
                if (line.matches("(?: {2}-[a-zA-Z], | {6})(--[a-z-]+(=\\S+)?|<[a-z-]+>|FILE)\\s*")) throw new AssertionError(command + ": " + line);
            }
        }
        assertTrue(help("export", "--help").contains("One of: onnx"), "the candidate list is filled in");
    }

    @Test void chineseHelpHasNoEnglishSentences() {
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        String train = help("train", "--help");
        assertTrue(train.contains("不打开窗口训练一个项目"), train);
        assertTrue(train.contains("训练 N 轮"), train);
        assertTrue(train.contains("显示本帮助并退出。"), train);
        assertFalse(train.contains("Train for N epochs"), train);
        assertTrue(help("--help").contains("设计、训练和查看神经网络。"));
        assertTrue(help("predict", "--help").contains("用训练好的项目"));
    }
}
