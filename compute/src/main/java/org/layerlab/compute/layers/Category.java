package org.layerlab.compute.layers;

import org.layerlab.compute.text.Messages;

/** Palette groups; the editor colours nodes by category. Display names come from the layers bundle ("category.CORE"). */
public enum Category {
    INPUT,
    CORE,
    CONVOLUTION,
    POOLING,
    NORMALIZATION,
    REGULARIZATION,
    ACTIVATION,
    RESHAPE,
    MERGE;

    static final Messages TEXT = Messages.of("org.layerlab.compute.i18n.layers", Category.class);

    /** The group's name in the current language. */
    public String displayName() { return TEXT.get("category." + name()); }
}
