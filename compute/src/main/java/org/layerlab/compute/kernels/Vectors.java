package org.layerlab.compute.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The one vector width every kernel is written against: the CPU's preferred species (8 float lanes on AVX2, 16 on
 * AVX-512), or the width {@code -Dlayerlab.vector.bits=128|256|512} forces, so tests run both the 256- and the 512-bit
 * paths on any machine (a species wider than the hardware's still computes correctly, only slowly). {@code alternate}
 * picks the other of 256 and 512 than the CPU prefers: the build's second test run uses it. Kernels derive their
 * blocking from {@link #LANES}; there is one code path per kernel, not one per width.
 */
public final class Vectors {
    private Vectors() {}

    /** The system property that forces a width in bits. */
    public static final String BITS_PROPERTY = "layerlab.vector.bits";

    public static final VectorSpecies<Float> FLOAT = choose(System.getProperty(BITS_PROPERTY));

    /** Float lanes per vector. */
    public static final int LANES = FLOAT.length();

    /** Whether the width was forced by the property rather than taken from the CPU. */
    public static final boolean FORCED = System.getProperty(BITS_PROPERTY) != null;

    static VectorSpecies<Float> choose(String bits) {
        if (bits == null || bits.isBlank()) return FloatVector.SPECIES_PREFERRED;
        return switch (bits.trim()) {
            case "128" -> FloatVector.SPECIES_128;
            case "256" -> FloatVector.SPECIES_256;
            case "512" -> FloatVector.SPECIES_512;
            case "alternate" -> VectorShape.preferredShape().vectorBitSize() >= 512 ? FloatVector.SPECIES_256 : FloatVector.SPECIES_512;
            default -> throw new IllegalArgumentException(BITS_PROPERTY + " must be 128, 256, 512 or alternate, not " + bits);
        };
    }

    /** Width in bits of the species in use, e.g. 512. */
    public static int bits() { return FLOAT.vectorBitSize(); }

    /** Width in bits the CPU prefers (what the JIT maps to single instructions). */
    public static int preferredBits() { return VectorShape.preferredShape().vectorBitSize(); }

    /** True when the species is wider than the hardware's, so the JIT emulates it (correct, but slow: tests keep sizes small). */
    public static boolean emulated() { return bits() > preferredBits(); }

    /** One line for benchmark tables and logs: "512-bit (16 floats), CPU prefers 512". */
    public static String describe() {
        return bits() + "-bit (" + LANES + " floats)" + (FORCED ? ", forced; CPU prefers " + preferredBits() : "");
    }
}
