package org.layerlab.compute.layers;

import java.util.SplittableRandom;

/** Per-pass settings: training or inference mode, and the seeded randomness (dropout) for this pass. */
public record ForwardContext(boolean training, SplittableRandom random) {
    public static ForwardContext inference() { return new ForwardContext(false, new SplittableRandom(0)); }
}
