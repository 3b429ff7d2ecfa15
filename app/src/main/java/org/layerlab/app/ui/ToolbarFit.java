package org.layerlab.app.ui;

/**
 * How much of the main toolbar fits, from the window's width and its type size, so one rule serves a
 * desk at 13 px, a projector in presentation mode at 17 px and a UI scale of 1.25, 1.5 or 2 (which shrinks the
 * window's width in layout pixels). The training controls (Train, Pause, Step, Stop, Reset) and the speed always stay
 * on the toolbar; what a live demo needs less goes first: the layout toggles fold into one Panels menu and the data
 * button shows "Data" with the data set's name in its tooltip, then the training buttons show only their icons.
 */
enum ToolbarFit {
    /** Everything with its full text. */
    FULL,
    /** The layout toggles in a Panels menu, the data button short. */
    COMPACT,
    /** As compact, and the training buttons show only their icons (their tooltips name them). */
    ICONS;

    /**
     * What each form needs: fixed pixels (icons, the speed slider, separators, paddings) plus a part that grows with the
     * type. Measured in English at 13 px and 17 px (the full toolbar 1,138 and 1,322 px, the compact one 971 and 1,083
     * px, icons only about 750 px at 13 px), with 3 % to spare.
     */
    static final double FULL_PX = 540, FULL_PER_EM = 46, COMPACT_PX = 607, COMPACT_PER_EM = 28, MARGIN = 1.03;

    /** The level for a window {@code width} layout pixels wide whose toolbar type is {@code em} pixels. */
    static ToolbarFit of(double width, double em) {
        if (width >= MARGIN * (FULL_PX + FULL_PER_EM * em)) return FULL;
        return width >= MARGIN * (COMPACT_PX + COMPACT_PER_EM * em) ? COMPACT : ICONS;
    }
}
