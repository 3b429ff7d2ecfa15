package org.layerlab.charts;

import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;

/**
 * Lines without the item pass: JFreeChart's second pass draws shapes and creates a hover entity per point,
 * which for live curves is an object per drawn point per frame; LayerLab's hover works from the data instead.
 */
final class LinesOnlyRenderer extends XYLineAndShapeRenderer {
    LinesOnlyRenderer() {
        super(true, false);
        setDrawSeriesLineAsPath(true);
    }

    @Override public int getPassCount() { return 1; }
}
