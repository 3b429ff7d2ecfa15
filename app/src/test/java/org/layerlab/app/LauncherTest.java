package org.layerlab.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** What the launcher hands the window: the user's arguments and the JIT warm-up, which only the launcher asks for. */
class LauncherTest {
    @Test void theWindowGetsTheUsersArgumentsAndTheWarmUp() {
        assertArrayEquals(new String[] {"--warm-up=true"}, Launcher.windowArguments(new String[0]));
        assertArrayEquals(new String[] {"spirals.layerlab", "--warm-up=true"}, Launcher.windowArguments(new String[] {"spirals.layerlab"}));
    }
}
