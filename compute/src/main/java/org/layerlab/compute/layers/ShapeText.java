package org.layerlab.compute.layers;

import org.layerlab.compute.text.Messages;

/**
 * What shape inference and wiring checks tell the user ("expects a flat input, got 28×28×1 — add Flatten before it"),
 * bundle {@code org.layerlab.compute.i18n.shapes} in English and Chinese; shapes and numbers are passed as text, so
 * they read as the engine writes them.
 */
public final class ShapeText {
    private static final Messages TEXT = Messages.of("org.layerlab.compute.i18n.shapes", ShapeText.class);

    private ShapeText() {}

    /** The pattern {@code key} with {@code args} filled in, in the current language. */
    public static String get(String key, Object... args) {
        Object[] text = new Object[args.length];
        for (int i = 0; i < args.length; i++) text[i] = args[i] instanceof Number ? args[i] : String.valueOf(args[i]);
        return TEXT.get(key, text);
    }
}
