package org.layerlab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerlab.compute.layers.LayerTypes;
import org.layerlab.compute.nn.Activations;
import org.layerlab.compute.nn.Losses;
import org.layerlab.compute.nn.Optimizers;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Help: a page for every catalog entry, written from its declaration; F1 opens the selected layer's page; search filters. */
@ExtendWith(ApplicationExtension.class)
class HelpWindowTest extends MainWindowFixture {
    @Start void start(Stage stage) { open(stage); }

    @Test void everyCatalogEntryHasAHelpPageWithItsExplanationAndSettings() {
        Set<String> ids = new HashSet<>();
        HelpTopics.all().forEach(t -> ids.add(t.id()));
        for (String id : LayerTypes.CATALOG.ids()) assertTrue(ids.contains("layer/" + id), id);
        for (String id : Activations.CATALOG.ids()) assertTrue(ids.contains("activation/" + id), id);
        for (String id : Losses.CATALOG.ids()) assertTrue(ids.contains("loss/" + id), id);
        for (String id : Optimizers.CATALOG.ids()) assertTrue(ids.contains("optimizer/" + id), id);
        var dense = LayerTypes.CATALOG.get("dense");
        String page = HelpTopics.page(dense);
        assertTrue(page.startsWith("# Dense\n\n" + dense.description()), page);
        for (var p : dense.params()) assertTrue(page.contains("**" + p.label() + "**: " + p.description()), p.name());
        assertTrue(page.contains("a whole number from 1 to"), page);
    }

    @Test void f1OpensTheSelectedLayersPageAndSearchFilters(FxRobot robot) throws Exception {
        onFx(() -> { window.editor().selectedNodeProperty().set("hidden-1"); return null; });
        robot.clickOn("#status-bar").type(javafx.scene.input.KeyCode.F1);
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> onFx(() -> window.helpWindow() != null
                && window.helpWindow().stage().isShowing()));
        assertEquals("Dense", onFx(() -> window.helpWindow().shownTitle()));
        String shown = onFx(() -> window.helpWindow().stage().getScene().getRoot().lookupAll(".markdown-text").stream()
                .map(n -> ((Text) n).getText()).reduce("", String::concat));
        assertTrue(shown.contains(LayerTypes.CATALOG.get("dense").description()), shown);

        onFx(() -> { ((javafx.scene.control.TextField) window.helpWindow().stage().getScene().lookup("#help-search")).setText("Nesterov"); return null; });
        assertEquals("SGD", onFx(() -> window.helpWindow().shownTitle()), "the one page mentioning Nesterov");
        onFx(() -> { window.helpWindow().stage().close(); return null; });
    }
}
