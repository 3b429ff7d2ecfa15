package org.layerlab.app.ui;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import org.kordamp.ikonli.javafx.FontIcon;
import org.layerlab.compute.text.Messages;

/**
 * Which parts of the main window show. The palette (left) and the side panel (right) collapse, and the charts can
 * take the whole window, so a small window (1280×720) or a large UI scale (1.5, 2) still leaves the canvas and the
 * charts room to be read. Reached from the toolbar's toggles and the View menu, with shortcuts.
 */
final class WindowLayout {
    private static final Messages TEXT = Messages.of("org.layerlab.app.i18n.layout", WindowLayout.class);

    private final BooleanProperty palette = new SimpleBooleanProperty(this, "palette", true);
    private final BooleanProperty sidePanel = new SimpleBooleanProperty(this, "sidePanel", true);
    private final BooleanProperty chartsOnly = new SimpleBooleanProperty(this, "chartsOnly", false);
    private final BorderPane window;
    private final Node paletteNode, sideNode, canvas, charts;
    private final SplitPane centre;
    /** Where the canvas/charts divider was before the charts took the whole window. */
    private double divider = 0.55;

    WindowLayout(BorderPane window, Node paletteNode, Node sideNode, SplitPane centre, Node canvas, Node charts) {
        this.window = window;
        this.paletteNode = paletteNode;
        this.sideNode = sideNode;
        this.centre = centre;
        this.canvas = canvas;
        this.charts = charts;
        palette.addListener((o, a, b) -> apply());
        sidePanel.addListener((o, a, b) -> apply());
        chartsOnly.addListener((o, a, b) -> apply());
        apply();
    }

    BooleanProperty paletteShownProperty() { return palette; }
    BooleanProperty sidePanelShownProperty() { return sidePanel; }
    BooleanProperty chartsOnlyProperty() { return chartsOnly; }

    private void apply() {
        boolean only = chartsOnly.get();
        window.setLeft(palette.get() && !only ? paletteNode : null);
        window.setRight(sidePanel.get() && !only ? sideNode : null);
        boolean showsCanvas = centre.getItems().contains(canvas);
        if (only && showsCanvas) {
            divider = centre.getDividerPositions().length > 0 ? centre.getDividerPositions()[0] : divider;
            centre.getItems().setAll(charts);
        } else if (!only && !showsCanvas) {
            centre.getItems().setAll(canvas, charts);
            centre.setDividerPositions(divider);
        }
    }

    /** The toolbar's three toggles: palette, charts over the whole window, side panel. */
    List<ToggleButton> toggles() {
        ToggleButton left = toggle("layout-palette-toggle", "mdi2d-dock-left", TEXT.get("palette.tip"), palette);
        ToggleButton only = toggle("layout-charts-toggle", "mdi2a-arrow-expand-all", TEXT.get("chartsOnly.tip"), chartsOnly);
        ToggleButton right = toggle("layout-side-toggle", "mdi2d-dock-right", TEXT.get("sidePanel.tip"), sidePanel);
        // With the charts over the whole window the panels are hidden whatever their toggles say.
        left.disableProperty().bind(chartsOnly);
        right.disableProperty().bind(chartsOnly);
        return List.of(left, only, right);
    }

    private static ToggleButton toggle(String id, String icon, String tip, BooleanProperty state) {
        ToggleButton b = new ToggleButton(null, new FontIcon(icon));
        b.setId(id);
        b.getStyleClass().add("layout-toggle");
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        b.selectedProperty().bindBidirectional(state);
        return b;
    }

    /** The View menu's items for the same, with their shortcuts. */
    List<MenuItem> menuItems() {
        return List.of(
                check("menu-layout-palette", TEXT.get("palette.menu"), "Shortcut+B", palette),
                check("menu-layout-side", TEXT.get("sidePanel.menu"), "Shortcut+Shift+B", sidePanel),
                check("menu-layout-charts", TEXT.get("chartsOnly.menu"), "Shortcut+Shift+M", chartsOnly));
    }

    private static CheckMenuItem check(String id, String text, String accel, BooleanProperty state) {
        CheckMenuItem m = new CheckMenuItem(text);
        m.setId(id);
        m.setAccelerator(KeyCombination.keyCombination(accel));
        m.selectedProperty().bindBidirectional(state);
        return m;
    }
}
