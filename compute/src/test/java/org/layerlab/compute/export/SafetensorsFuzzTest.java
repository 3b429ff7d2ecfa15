package org.layerlab.compute.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.SequentialBuilder;
import org.layerlab.compute.project.ProjectFileException;

/**
 * Mutated weights files (bytes flipped, cut, repeated, header lengths and numbers changed) either load as a model
 * or fail with LayerLab's error naming the file; never another exception, never a hang, never a huge allocation.
 */
class SafetensorsFuzzTest {
    static final int CASES = 10_000;

    static ModelGraph small() {
        return new SequentialBuilder().add("input", "shape", List.of(3))
                .add("dense", "units", 4, "activation", "relu").add("dense", "units", 2).build();
    }

    @Test void tenThousandMutatedWeightsFilesLoadOrFailWithLayerLabsError() {
        byte[] good = WeightsFile.encode(TrainedModel.of(CompiledNetwork.compile(small(), 1), List.of("a", "b")));
        SplittableRandom rng = new SplittableRandom(20261201);
        int loaded = 0, refused = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < CASES; i++) {
            byte[] b = Mutations.mutate(good, rng, headerEnd(good));
            try {
                WeightsFile.decode(b, "fuzz.safetensors");
                loaded++;
            } catch (ProjectFileException e) {
                assertTrue(e.getMessage().startsWith("fuzz.safetensors"), e.getMessage());
                refused++;
            } catch (RuntimeException | Error e) {
                fail("case " + i + ": " + e, e);
            }
        }
        assertEquals(CASES, loaded + refused);
        assertTrue(loaded > 0 && refused > CASES / 4, loaded + " loaded, " + refused + " refused");
        assertTrue((System.nanoTime() - t0) / 1e9 < 60, "bounded time");
    }

    static int headerEnd(byte[] b) {
        return (int) (8 + ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong());
    }
}
