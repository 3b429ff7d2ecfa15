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

    /** In presentation mode the charts get the larger share of the centre: curves read from the back of the room. */
    static final double PRESENTING_DIVIDER = 0.42;
    private double dividerBeforePresenting = 0.55;

    private double dividerNow() {
        return centre.getItems().contains(canvas) && centre.getDividerPositions().length > 0 ? centre.getDividerPositions()[0] : divider;
    }

    private void setDivider(double at) {
        if (centre.getItems().contains(canvas)) centre.setDividerPositions(at);
        else divider = at; // the charts fill the window now: the canvas comes back with this share
    }

    /** Whether the palette was shown when presentation mode began (null: not presenting). */
    private Boolean paletteBeforePresenting;

    /**
     * Presentation mode starts with the palette collapsed, so the canvas and the charts get its width on a projector
     * (a demo shows the network, the curves and the Inside tab, and seldom adds layers); leaving it brings the palette
     * back as it was. The toggles still show it during the demo.
     */
    void presenting(boolean on) {
        if (on && paletteBeforePresenting == null) {
            paletteBeforePresenting = palette.get();
            palette.set(false);
            dividerBeforePresenting = dividerNow();
            setDivider(PRESENTING_DIVIDER);
        } else if (!on && paletteBeforePresenting != null) {
            palette.set(paletteBeforePresenting);
            paletteBeforePresenting = null;
            setDivider(dividerBeforePresenting);
        }
    }

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

    /**
     * The same three as one Panels menu, for a toolbar without room for the toggles (a projector's large type, a UI
     * scale of 1.5 or 2); the View menu has them too, with their shortcuts.
     */
    javafx.scene.control.MenuButton panelsMenu() {
        Messages t = Messages.of("org.layerlab.app.i18n.compact", WindowLayout.class);
        javafx.scene.control.MenuButton menu = new javafx.scene.control.MenuButton(t.get("panels"), new FontIcon("mdi2v-view-dashboard-outline"));
        menu.setId("layout-panels-menu");
        menu.getStyleClass().add("layout-panels-menu");
        menu.setTooltip(new Tooltip(t.get("panelsTip")));
        menu.setFocusTraversable(false);
        for (MenuItem m : List.of(check("panels-palette", TEXT.get("palette.menu"), null, palette),
                check("panels-side", TEXT.get("sidePanel.menu"), null, sidePanel),
                check("panels-charts", TEXT.get("chartsOnly.menu"), null, chartsOnly))) {
            menu.getItems().add(m);
        }
        menu.getItems().get(0).disableProperty().bind(chartsOnly);
        menu.getItems().get(1).disableProperty().bind(chartsOnly);
        return menu;
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
        if (accel != null) m.setAccelerator(KeyCombination.keyCombination(accel));
        m.selectedProperty().bindBidirectional(state);
        return m;
    }
}
