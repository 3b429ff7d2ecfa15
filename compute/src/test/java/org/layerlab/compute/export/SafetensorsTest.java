package org.layerlab.compute.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.graph.ReferenceNetworks;
import org.layerlab.compute.project.ProjectFileException;
import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.tensor.Tensor;

class SafetensorsTest {
    @TempDir Path dir;

    static Map<String, Tensor> tensors() {
        Map<String, Tensor> t = new LinkedHashMap<>();
        t.put("dense_1/kernel", Tensor.uniform(Shape.of(3, 5), 1, new SplittableRandom(3)));
        t.put("dense_1/bias", Tensor.of(new float[] {1.5f, -2f, Float.MIN_VALUE, -0f, 3e38f}, 5));
        t.put("scalar", Tensor.of(new float[] {7f}));
        return t;
    }

    @Test void roundTripsTensorsAndMetadataThroughAFile() throws Exception {
        Path f = dir.resolve("w.safetensors");
        Safetensors.write(f, tensors(), Map.of("format", "pt", "note", "ünïcode"));
        Safetensors.Contents c = Safetensors.read(f);
        assertEquals(List.copyOf(tensors().keySet()), List.copyOf(c.tensors().keySet()), "order kept");
        for (Map.Entry<String, Tensor> e : tensors().entrySet()) {
            assertEquals(e.getValue().shape(), c.tensors().get(e.getKey()).shape());
            assertArrayEquals(e.getValue().data(), c.tensors().get(e.getKey()).data(), e.getKey());
        }
        assertEquals(Map.of("format", "pt", "note", "ünïcode"), c.metadata());
        byte[] bytes = Files.readAllBytes(f);
        assertEquals(0, (8 + ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong()) % 8, "data aligned to 8 bytes");
    }

    @Test void theLayoutIsTheSpecifiedOne() {
        byte[] b = Safetensors.encode(Map.of("a", Tensor.of(new float[] {1f, 2f}, 2)), Map.of());
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int n = (int) buf.getLong();
        String header = new String(b, 8, n, StandardCharsets.UTF_8).strip();
        assertEquals("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", header);
        assertEquals(8 + n + 8, b.length);
        assertEquals(1f, buf.getFloat(8 + n));
        assertEquals(2f, buf.getFloat(8 + n + 4));
    }

    @Test void numpyReadsTheFileAsTheReadmeSays() throws Exception {
        PythonCheck.assumeNumpy();
        Path f = dir.resolve("w.safetensors");
        Safetensors.write(f, tensors(), Map.of());
        String script = String.join("\n",
                "import json, struct, sys, numpy as np",
                "b = open(sys.argv[1], 'rb').read()",
                "n = struct.unpack('<Q', b[:8])[0]",
                "h = json.loads(b[8:8 + n])",
                "for k, v in h.items():",
                "    s, e = v['data_offsets']",
                "    a = np.frombuffer(b[8 + n + s:8 + n + e], dtype='<f4').reshape(v['shape'])",
                "    print(k, v['dtype'], list(a.shape), repr(float(a.sum())))");
        List<String> lines = PythonCheck.run(script, f.toString());
        assertEquals(3, lines.size(), lines.toString());
        int i = 0;
        for (Map.Entry<String, Tensor> e : tensors().entrySet()) {
            String[] parts = lines.get(i++).split(" ", 3);
            assertEquals(e.getKey(), parts[0]);
            assertEquals("F32", parts[1]);
            double sum = 0;
            for (float v : e.getValue().data()) sum += v;
            assertEquals(sum, Double.parseDouble(parts[2].substring(parts[2].lastIndexOf(' ') + 1)), Math.abs(sum) * 1e-6 + 1e-6, e.getKey());
        }
    }

    @Test void aTrainedModelRoundTripsWithItsGraphAndClasses() throws Exception {
        CompiledNetwork net = CompiledNetwork.compile(ReferenceNetworks.leNet5(), 5);
        TrainedModel m = TrainedModel.of(net, List.of("a", "b"));
        TrainedModel back = WeightsFile.decode(WeightsFile.encode(m), "m.safetensors");
        assertEquals(m.graph(), back.graph());
        assertEquals(List.of("a", "b"), back.classNames());
        Tensor x = Tensor.uniform(net.inputShape().withBatch(2), 1, new SplittableRandom(1));
        assertArrayEquals(net.predict(x).data(), back.compile().predict(x).data());
    }

    @Test void theExportCatalogWritesSafetensors() throws Exception {
        TrainedModel m = TrainedModel.of(CompiledNetwork.compile(ReferenceNetworks.fashionMlp(), 5), List.of());
        ModelFormat f = ModelFormats.CATALOG.get("safetensors");
        assertEquals(".safetensors", f.extension());
        Path out = dir.resolve("m" + f.extension());
        f.write(m, out, ExportOptions.defaults());
        assertEquals(m.tensors().keySet(), Safetensors.read(out).tensors().keySet());
    }

    // ---- bad input: each is refused with LayerLab's error naming the file and, where there is one, the tensor

    static byte[] file(String header, int dataBytes) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h);
        return b.array();
    }

    static String refused(byte[] bytes) {
        return assertThrows(ProjectFileException.class, () -> Safetensors.decode(bytes, "bad.safetensors")).getMessage();
    }

    static void assertRefused(byte[] bytes, String... parts) {
        String m = refused(bytes);
        assertTrue(m.startsWith("bad.safetensors"), m);
        for (String p : parts) assertTrue(m.contains(p), "'" + m + "' should mention '" + p + "'");
    }

    @Test void badHeadersAreRefusedByName() {
        assertRefused(new byte[3], "too short");
        byte[] huge = file("{}", 0);
        ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 1L << 40);
        assertRefused(huge, "header length", "does not fit");
        byte[] negative = file("{}", 0);
        ByteBuffer.wrap(negative).order(ByteOrder.LITTLE_ENDIAN).putLong(0, -1L);
        assertRefused(negative, "does not fit");
        assertRefused(file("[1, 2]", 0), "not a JSON object");
        assertRefused(file("{\"a\": ", 0), "not valid JSON");
        assertRefused(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8), "Duplicate");
        byte[] notUtf8 = file("{\"\u00e9\":1}", 0);
        notUtf8[10] = (byte) 0xff;
        assertRefused(notUtf8, "UTF-8");
        assertRefused(file("{\"__metadata__\":{\"k\":1}}", 0), "__metadata__", "not a string");
    }

    @Test void entriesThatDoNotDescribeTheirDataAreRefusedByName() {
        assertRefused(file("{\"w\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[0,4]}}", 4), "'w'", "BF16", "F32");
        assertRefused(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", 8), "'w'", "shape [3] needs");
        assertRefused(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,8]}}", 4), "'w'", "outside the data");
        assertRefused(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,0]}}", 8), "'w'", "outside the data");
        assertRefused(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[0,0]}}", 0), "'w'", "dimension 0");
        assertRefused(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[2.5],\"data_offsets\":[0,8]}}", 8), "'w'", "dimension 2.5");
        assertRefused(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[65536,65536,65536],\"data_offsets\":[0,8]}}", 8), "'w'", "more data than the file holds");
        assertRefused(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[2]}}", 8), "'w'", "data_offsets");
        assertRefused(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8],\"x\":1}}", 8), "'w'", "unknown field 'x'");
        assertRefused(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8), "'b'", "inside the data");
        assertRefused(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8), "'a'", "no tensor owns");
        assertRefused(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 8), "cover only 4");
    }

    @Test void aWeightsFileWhoseGraphAsksForMoreThanItHoldsIsRefusedBeforeCompiling() {
        String graph = org.layerlab.compute.project.ProjectFiles.graphToJson(ReferenceNetworks.fashionMlp())
                .replaceAll("\"units\" ?: ?128", "\"units\" : 65536");
        byte[] b = Safetensors.encode(Map.of("x", Tensor.zeros(2)), Map.of(WeightsFile.GRAPH, graph));
        String m = assertThrows(ProjectFileException.class, () -> WeightsFile.decode(b, "big.safetensors")).getMessage();
        assertTrue(m.startsWith("big.safetensors"), m);
        assertTrue(m.contains("parameters but the file holds 2 values"), m);
    }
}
