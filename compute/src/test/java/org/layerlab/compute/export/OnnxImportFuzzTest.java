package org.layerlab.compute.export;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.layerlab.compute.export.onnx.OnnxProto.ModelProto;
import org.layerlab.compute.export.onnx.OnnxProto.NodeProto;
import org.layerlab.compute.export.onnx.OnnxProto.TensorProto;

/** Mutated ONNX files give a model or LayerLab's error, never another exception, a hang or an allocation the file cannot back. */
class OnnxImportFuzzTest {
    static final int RUNS = 10_000;

    static List<byte[]> seeds() throws Exception {
        List<byte[]> s = new ArrayList<>();
        for (String g : List.of("conv pools", "batchnorm", "residual add", "dense gelu", "zero padding", "layernorm reshape")) {
            s.add(OnnxExporter.toModel(ExportGraphs.trained(ExportGraphs.all().get(g), 1), OnnxExporter.Options.plain()).toByteArray());
        }
        for (String f : List.of("mlp_opset13", "matmul_opset17", "cnn_opset17", "padconv_opset13", "branches_opset17")) {
            s.add(OnnxImportTest.fixture(f + ".onnx"));
        }
        return s;
    }

    @Test void mutatedFilesLoadOrFailWithLayerLabsError() throws Exception {
        List<byte[]> seeds = seeds();
        int[] outcome = new int[2];
        long start = System.nanoTime();
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            SplittableRandom rng = new SplittableRandom(2026);
            for (int run = 0; run < RUNS; run++) {
                byte[] seed = seeds.get(run % seeds.size());
                byte[] bytes = mutate(seed, rng);
                try {
                    OnnxImporter.parse(bytes, "fuzz-" + run + ".onnx");
                    outcome[0]++;
                } catch (OnnxImportException e) {
                    if (!e.getMessage().startsWith("fuzz-" + run + ".onnx")) fail("run " + run + ": the message does not name the file: " + e.getMessage());
                    outcome[1]++;
                } catch (Throwable t) {
                    throw new AssertionError("run " + run + " (seed " + (run % seeds.size()) + "): " + t, t);
                }
            }
        });
        System.out.printf("OnnxImportFuzzTest: %d mutated files in %.1f s: %d imported, %d refused with LayerLab's error%n",
                RUNS, (System.nanoTime() - start) / 1e9, outcome[0], outcome[1]);
        assertTrue(outcome[0] > 0 && outcome[1] > 0, "both outcomes occur");
    }

    static byte[] mutate(byte[] seed, SplittableRandom rng) {
        byte[] b = seed.clone();
        switch (rng.nextInt(6)) {
            case 0 -> { for (int i = rng.nextInt(1, 4); i > 0; i--) b[rng.nextInt(b.length)] ^= (byte) (1 << rng.nextInt(8)); }
            case 1 -> { for (int i = rng.nextInt(1, 8); i > 0; i--) b[rng.nextInt(b.length)] = (byte) rng.nextInt(256); }
            case 2 -> b = java.util.Arrays.copyOf(b, rng.nextInt(b.length));
            case 3 -> {
                int at = rng.nextInt(b.length), n = rng.nextInt(1, 16);
                byte[] c = new byte[b.length + n];
                System.arraycopy(b, 0, c, 0, at);
                for (int i = 0; i < n; i++) c[at + i] = (byte) rng.nextInt(256);
                System.arraycopy(b, at, c, at + n, b.length - at);
                b = c;
            }
            case 4 -> {
                int at = rng.nextInt(b.length), n = Math.min(b.length - at, rng.nextInt(1, 64));
                byte[] c = new byte[b.length - n];
                System.arraycopy(b, 0, c, 0, at);
                System.arraycopy(b, at + n, c, at, b.length - at - n);
                b = c;
            }
            default -> {
                // a varint-sized byte set to a large value: lengths and dimensions that promise far more than the file holds
                int at = rng.nextInt(b.length);
                b[at] = (byte) (0x80 | rng.nextInt(128));
                if (at + 1 < b.length) b[at + 1] = (byte) 0xff;
            }
        }
        return b;
    }

    @Test void tensorsThatPromiseMoreThanTheyHoldAreRefused() throws Exception {
        ModelProto m = OnnxExporter.toModel(ExportGraphs.trained(ExportGraphs.all().get("dense relu"), 1), OnnxExporter.Options.plain());
        TensorProto t = m.getGraph().getInitializer(0).toBuilder().clearDims().addDims(1 << 20).addDims(1 << 20).build();
        byte[] huge = m.toBuilder().setGraph(m.getGraph().toBuilder().setInitializer(0, t)).build().toByteArray();
        OnnxImportException e = assertThrows(OnnxImportException.class, () -> OnnxImporter.parse(huge, "huge.onnx"));
        assertTrue(e.getMessage().contains("too large") || e.getMessage().contains("holds"), e.getMessage());

        NodeProto shapeBomb = NodeProto.newBuilder().setOpType("ConstantOfShape").setName("bomb").addInput("bombShape").addOutput("bombOut").build();
        TensorProto dims = TensorProto.newBuilder().setName("bombShape").setDataType(TensorProto.DataType.INT64_VALUE).addDims(2)
                .addInt64Data(40000).addInt64Data(40000).build();
        byte[] bomb = m.toBuilder().setGraph(m.getGraph().toBuilder().addInitializer(dims).addNode(0, shapeBomb)).build().toByteArray();
        OnnxImportException b = assertThrows(OnnxImportException.class, () -> OnnxImporter.parse(bomb, "bomb.onnx"));
        assertTrue(b.getMessage().contains("bomb"), b.getMessage());

        // many allowed constants that together promise far more than the file holds
        TensorProto side = TensorProto.newBuilder().setName("side").setDataType(TensorProto.DataType.INT64_VALUE).addDims(2)
                .addInt64Data(1000).addInt64Data(1000).build();
        var graph = m.getGraph().toBuilder().addInitializer(side);
        for (int i = 0; i < 200; i++) {
            graph.addNode(0, NodeProto.newBuilder().setOpType("ConstantOfShape").setName("fill" + i).addInput("side").addOutput("filled" + i));
        }
        byte[] many = m.toBuilder().setGraph(graph).build().toByteArray();
        OnnxImportException c = assertThrows(OnnxImportException.class, () -> OnnxImporter.parse(many, "many.onnx"));
        assertTrue(c.getMessage().contains("more than the file can hold"), c.getMessage());
    }
}
