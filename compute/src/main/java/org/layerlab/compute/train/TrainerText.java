package org.layerlab.compute.train;

import org.layerlab.compute.text.Messages;

/** Why a run ended (diverged, stopped early), bundle {@code org.layerlab.compute.i18n.trainer} in English and Chinese. */
final class TrainerText {
    private static final Messages TEXT = Messages.of("org.layerlab.compute.i18n.trainer", TrainerText.class);

    private TrainerText() {}

    static String get(String key, Object... args) { return TEXT.get(key, args); }
}
