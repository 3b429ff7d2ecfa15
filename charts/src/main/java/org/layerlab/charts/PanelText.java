package org.layerlab.charts;

import org.layerlab.compute.text.Messages;

/** The texts of the Weights and Confusion panels, chart read-outs and scalar export, bundle {@code chartpanels} (en, zh_CN). */
final class PanelText {
    static final Messages TEXT = Messages.of("org.layerlab.charts.i18n.chartpanels", PanelText.class);

    private PanelText() {}
}
