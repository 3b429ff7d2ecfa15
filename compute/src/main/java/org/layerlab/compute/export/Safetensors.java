package org.layerlab.compute.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.layerlab.compute.project.AtomicFiles;
import org.layerlab.compute.project.ProjectFileException;
import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.tensor.Tensor;
import org.layerlab.compute.text.Messages;

/**
 * The safetensors weights format (what PyTorch and Hugging Face tools read): an 8-byte little-endian header length,
 * a UTF-8 JSON header mapping each tensor's name to {@code {"dtype", "shape", "data_offsets"}} (offsets into the data
 * that follows, relative to its start) with an optional {@code "__metadata__"} object of strings, then the raw
 * little-endian data. LayerLab keeps float32 only, so it writes and reads dtype {@code F32}; anything else, and any
 * header that does not describe its data exactly (overlaps, gaps, sizes that disagree with shapes), is refused with
 * a {@link ProjectFileException} naming the file and the tensor. Nothing is allocated before the header has been
 * checked against the bytes that are really there.
 */
public final class Safetensors {
    /** The key of the header's free-form string map. */
    public static final String METADATA = "__metadata__";
    /** Headers above this are refused whatever the file size (the reference implementation's limit). */
    static final long MAX_HEADER = 100L << 20;

    private static final Messages TEXT = Messages.of("org.layerlab.compute.i18n.safetensors", Safetensors.class);
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** What a safetensors file holds: tensors by name, in the order of their data, and the metadata strings. */
    public record Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {
        public Contents {
            tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
            metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        }
    }

    private Safetensors() {}

    /** The file's bytes: tensors in the map's order, the header padded with spaces to a multiple of 8 bytes. */
    public static byte[] encode(Map<String, Tensor> tensors, Map<String, String> metadata) {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        long offset = 0;
        try (JsonGenerator g = JSON.getFactory().createGenerator(header)) {
            g.writeStartObject();
            if (!metadata.isEmpty()) {
                g.writeObjectFieldStart(METADATA);
                for (Map.Entry<String, String> e : metadata.entrySet()) g.writeStringField(e.getKey(), e.getValue());
                g.writeEndObject();
            }
            for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
                if (e.getKey().equals(METADATA)) throw new IllegalArgumentException("a tensor may not be named " + METADATA);
                g.writeObjectFieldStart(e.getKey());
                g.writeStringField("dtype", "F32");
                g.writeArrayFieldStart("shape");
                for (int d : e.getValue().shape().dims()) g.writeNumber(d);
                g.writeEndArray();
                long end = offset + 4L * e.getValue().size();
                g.writeArrayFieldStart("data_offsets");
                g.writeNumber(offset);
                g.writeNumber(end);
                g.writeEndArray();
                g.writeEndObject();
                offset = end;
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a safetensors header", e);
        }
        while (header.size() % 8 != 0) header.write(' ');
        long total = 8 + header.size() + offset;
        if (total > Integer.MAX_VALUE - 16) throw new IllegalArgumentException("weights too large for one safetensors file: " + total + " bytes");
        ByteBuffer out = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(header.size());
        out.put(header.toByteArray());
        // A float view starts at the buffer's position and does not move it: advance past each tensor by hand.
        for (Tensor t : tensors.values()) {
            out.asFloatBuffer().put(t.data());
            out.position(out.position() + 4 * t.size());
        }
        return out.array();
    }

    /** Writes the file atomically (temporary file, flushed, renamed). */
    public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) throws ProjectFileException {
        AtomicFiles.write(file, encode(tensors, metadata));
    }

    public static Contents read(Path file) throws ProjectFileException {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > Integer.MAX_VALUE - 16) throw new ProjectFileException(TEXT.get("tooLarge", file, size));
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ProjectFileException(TEXT.get("notFound", file));
        } catch (IOException e) {
            throw new ProjectFileException(TEXT.get("cannotRead", file, e.getMessage()), e);
        }
        return decode(bytes, file.toString());
    }

    /** Decodes a whole safetensors file; {@code source} names it in messages (a path, or "archive: entry"). */
    public static Contents decode(byte[] bytes, String source) throws ProjectFileException {
        if (bytes.length < 8) throw fail(source, TEXT.get("tooShort", bytes.length));
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = buf.getLong(0);
        if (headerLength < 2 || headerLength > bytes.length - 8L || headerLength > MAX_HEADER) {
            throw fail(source, TEXT.get("headerLength", Long.toUnsignedString(headerLength), bytes.length));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 8, (int) headerLength)).toString();
        } catch (CharacterCodingException e) {
            throw fail(source, TEXT.get("headerNotUtf8"));
        }
        if (!text.startsWith("{")) throw fail(source, TEXT.get("headerNotObject"));
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw fail(source, TEXT.get("headerJson", e.getOriginalMessage().split("\n")[0]));
        }
        if (root == null || !root.isObject()) throw fail(source, TEXT.get("headerNotObject"));
        long dataStart = 8 + headerLength, dataLength = bytes.length - dataStart;

        Map<String, String> metadata = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getKey().equals(METADATA)) metadata = metadata(f.getValue(), source);
            else entries.add(entry(f.getKey(), f.getValue(), dataLength, source));
        }
        // The data must be covered exactly: sorted by offset, each tensor starts where the previous one ended.
        List<Entry> byOffset = new ArrayList<>(entries);
        byOffset.sort(Comparator.comparingLong(Entry::begin));
        long at = 0;
        for (Entry e : byOffset) {
            if (e.begin() != at) throw fail(source, e.name(), TEXT.get(e.begin() < at ? "overlap" : "gap", e.begin(), at));
            at = e.end();
        }
        if (at != dataLength) throw fail(source, TEXT.get("trailing", dataLength, at));

        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Entry e : byOffset) {
            float[] data = new float[(int) (e.length() / 4)];
            ByteBuffer.wrap(bytes, (int) (dataStart + e.begin()), (int) e.length()).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(data);
            tensors.put(e.name(), new Tensor(e.shape(), data));
        }
        return new Contents(tensors, metadata);
    }

    private record Entry(String name, Shape shape, long begin, long end) {
        long length() { return end - begin; }
    }

    private static Entry entry(String name, JsonNode n, long dataLength, String source) throws ProjectFileException {
        if (!n.isObject()) throw fail(source, name, TEXT.get("entryNotObject"));
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!k.equals("dtype") && !k.equals("shape") && !k.equals("data_offsets")) throw fail(source, name, TEXT.get("unknownField", k));
        }
        JsonNode dtype = n.get("dtype");
        if (dtype == null || !dtype.isTextual()) throw fail(source, name, TEXT.get("missing", "dtype"));
        if (!dtype.asText().equals("F32")) throw fail(source, name, TEXT.get("dtype", dtype.asText()));
        JsonNode shape = n.get("shape");
        if (shape == null || !shape.isArray()) throw fail(source, name, TEXT.get("missing", "shape"));
        if (shape.size() > 16) throw fail(source, name, TEXT.get("rank", shape.size()));
        int[] dims = new int[shape.size()];
        long count = 1;
        for (int i = 0; i < dims.length; i++) {
            JsonNode d = shape.get(i);
            if (!d.canConvertToExactIntegral() || !d.canConvertToLong() || d.asLong() < 1 || d.asLong() > Integer.MAX_VALUE) {
                throw fail(source, name, TEXT.get("dim", d.toString()));
            }
            dims[i] = (int) d.asLong();
            count *= dims[i];
            if (count > dataLength / 4) throw fail(source, name, TEXT.get("shapeTooLarge", shapeText(dims, i + 1), dataLength));
        }
        JsonNode offsets = n.get("data_offsets");
        if (offsets == null || !offsets.isArray() || offsets.size() != 2) throw fail(source, name, TEXT.get("missing", "data_offsets"));
        long[] be = new long[2];
        for (int i = 0; i < 2; i++) {
            JsonNode o = offsets.get(i);
            if (!o.canConvertToExactIntegral() || !o.canConvertToLong() || o.asLong() < 0) throw fail(source, name, TEXT.get("offset", o.toString()));
            be[i] = o.asLong();
        }
        if (be[0] > be[1] || be[1] > dataLength) throw fail(source, name, TEXT.get("offsets", be[0], be[1], dataLength));
        if (be[1] - be[0] != 4 * count) throw fail(source, name, TEXT.get("size", be[1] - be[0], shapeText(dims, dims.length), 4 * count));
        return new Entry(name, Shape.of(dims), be[0], be[1]);
    }

    private static Map<String, String> metadata(JsonNode n, String source) throws ProjectFileException {
        if (!n.isObject()) throw fail(source, METADATA, TEXT.get("metadataNotObject"));
        Map<String, String> m = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!f.getValue().isTextual()) throw fail(source, METADATA, TEXT.get("metadataValue", f.getKey()));
            m.put(f.getKey(), f.getValue().asText());
        }
        return m;
    }

    private static String shapeText(int[] dims, int n) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < n; i++) sb.append(i == 0 ? "" : ", ").append(dims[i]);
        return sb.append(']').toString();
    }

    private static ProjectFileException fail(String source, String problem) {
        return new ProjectFileException(source + ": " + problem);
    }

    private static ProjectFileException fail(String source, String tensor, String problem) {
        return new ProjectFileException(TEXT.get("inTensor", source, tensor, problem));
    }
}
