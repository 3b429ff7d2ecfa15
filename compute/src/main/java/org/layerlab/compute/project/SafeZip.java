package org.layerlab.compute.project;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.layerlab.compute.text.Messages;

/**
 * A zip archive read from memory with the checks a file from anywhere needs: the central directory must be whole
 * and agree with the local headers, names must be plain relative paths (no "..", no absolute or drive paths, no
 * backslashes), no name twice, at most {@value #MAX_ENTRIES} entries, and no entry may declare or inflate to more
 * than its share ({@value #MAX_RATIO}× its compressed size, the most deflate can reach, and
 * {@value #MAX_ENTRY_BYTES} bytes). Entries are inflated on request, CRC-checked. Every problem is a
 * {@link ProjectFileException} naming the archive and the entry. Stored and deflated entries only; no ZIP64, no
 * encryption, no multi-disk archives (LayerLab never writes them).
 */
public final class SafeZip {
    public static final int MAX_ENTRIES = 1000;
    public static final int MAX_RATIO = 1100;
    public static final long MAX_ENTRY_BYTES = 1L << 30;

    private static final Messages TEXT = Messages.of("org.layerlab.compute.i18n.container", SafeZip.class);
    private static final int EOCD = 0x06054b50, CEN = 0x02014b50, LOC = 0x04034b50;

    private record Entry(String name, int method, int flags, int crc, long compressed, long size, long localOffset) {}

    private final byte[] bytes;
    private final String source;
    private final long directoryStart;
    private final Map<String, Entry> entries;

    private SafeZip(byte[] bytes, String source, long directoryStart, Map<String, Entry> entries) {
        this.bytes = bytes;
        this.source = source;
        this.directoryStart = directoryStart;
        this.entries = entries;
    }

    /** Whether {@code bytes} start as a zip archive does (a local file header). */
    public static boolean looksLikeZip(byte[] bytes) {
        return bytes.length >= 4 && ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(0) == LOC;
    }

    /** Reads the central directory of {@code bytes}; {@code source} names the archive in messages. */
    public static SafeZip open(byte[] bytes, String source) throws ProjectFileException {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int eocd = -1;
        for (int i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xFFFF); i--) {
            if (b.getInt(i) == EOCD && i + 22 + u16(b, i + 20) == bytes.length) { eocd = i; break; }
        }
        if (eocd < 0) throw fail(source, TEXT.get("noDirectory"));
        if (u16(b, eocd + 4) != 0 || u16(b, eocd + 6) != 0 || u16(b, eocd + 8) != u16(b, eocd + 10)) {
            throw fail(source, TEXT.get("multiDisk"));
        }
        int count = u16(b, eocd + 10);
        long cdSize = u32(b, eocd + 12), cdStart = u32(b, eocd + 16);
        if (count == 0xFFFF || cdSize == 0xFFFFFFFFL || cdStart == 0xFFFFFFFFL) throw fail(source, TEXT.get("zip64"));
        if (count > MAX_ENTRIES) throw fail(source, TEXT.get("tooManyEntries", count, MAX_ENTRIES));
        if (cdStart + cdSize != eocd) throw fail(source, TEXT.get("directoryTruncated"));

        Map<String, Entry> entries = new LinkedHashMap<>();
        long at = cdStart;
        for (int i = 0; i < count; i++) {
            if (at + 46 > eocd || b.getInt((int) at) != CEN) throw fail(source, TEXT.get("directoryTruncated"));
            int p = (int) at;
            int flags = u16(b, p + 8), method = u16(b, p + 10);
            int crc = b.getInt(p + 16);
            long compressed = u32(b, p + 20), size = u32(b, p + 24);
            int nameLen = u16(b, p + 28), extraLen = u16(b, p + 30), commentLen = u16(b, p + 32);
            long local = u32(b, p + 42);
            long next = at + 46L + nameLen + extraLen + commentLen;
            if (next > eocd) throw fail(source, TEXT.get("directoryTruncated"));
            String name = name(bytes, p + 46, nameLen, source);
            checkName(name, source);
            if (entries.containsKey(name)) throw failEntry(source, name, TEXT.get("duplicate"));
            if ((flags & 1) != 0) throw failEntry(source, name, TEXT.get("encrypted"));
            if (method != 0 && method != 8) throw failEntry(source, name, TEXT.get("method", method));
            if (compressed == 0xFFFFFFFFL || size == 0xFFFFFFFFL || local == 0xFFFFFFFFL) throw fail(source, TEXT.get("zip64"));
            if (size > MAX_ENTRY_BYTES) throw failEntry(source, name, TEXT.get("entryTooLarge", size, MAX_ENTRY_BYTES));
            if (method == 0 ? size != compressed : size > compressed * MAX_RATIO + 1024) {
                throw failEntry(source, name, TEXT.get("bomb", size, compressed));
            }
            if (local + 30 + compressed > cdStart) throw failEntry(source, name, TEXT.get("outside"));
            entries.put(name, new Entry(name, method, flags, crc, compressed, size, local));
            at = next;
        }
        if (at != eocd) throw fail(source, TEXT.get("directoryTruncated"));
        return new SafeZip(bytes, source, cdStart, entries);
    }

    /** The entries' names in directory order (folders, ending in "/", included). */
    public List<String> names() { return Collections.unmodifiableList(new ArrayList<>(entries.keySet())); }

    public boolean has(String name) { return entries.containsKey(name); }

    /** The entry's uncompressed bytes, checked against its declared size and CRC. */
    public byte[] read(String name) throws ProjectFileException {
        Entry e = entries.get(name);
        if (e == null) throw failEntry(source, name, TEXT.get("missing"));
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int p = (int) e.localOffset();
        if (b.getInt(p) != LOC) throw failEntry(source, name, TEXT.get("localHeader"));
        int nameLen = u16(b, p + 26), extraLen = u16(b, p + 28);
        long dataStart = (long) p + 30 + nameLen + extraLen;
        if (dataStart + e.compressed() > directoryStart) throw failEntry(source, name, TEXT.get("outside"));
        if (!name(bytes, p + 30, nameLen, source).equals(name)) throw failEntry(source, name, TEXT.get("localName"));
        byte[] out = new byte[(int) e.size()];
        if (e.method() == 0) {
            System.arraycopy(bytes, (int) dataStart, out, 0, out.length);
        } else {
            Inflater inf = new Inflater(true);
            try {
                inf.setInput(bytes, (int) dataStart, (int) e.compressed());
                int n = 0;
                while (n < out.length && !inf.finished()) {
                    int k = inf.inflate(out, n, out.length - n);
                    if (k == 0 && (inf.needsInput() || inf.needsDictionary())) throw failEntry(source, name, TEXT.get("truncated"));
                    n += k;
                }
                if (n < out.length) throw failEntry(source, name, TEXT.get("shorter", n, out.length));
                if (!inf.finished()) {
                    // Declared size reached but the stream goes on: more output means the entry lied about its size.
                    if (inf.inflate(new byte[1]) > 0) throw failEntry(source, name, TEXT.get("longer", out.length));
                    if (!inf.finished()) throw failEntry(source, name, TEXT.get("truncated"));
                }
            } catch (DataFormatException ex) {
                throw failEntry(source, name, TEXT.get("corrupt", ex.getMessage()));
            } finally {
                inf.end();
            }
        }
        CRC32 crc = new CRC32();
        crc.update(out);
        if ((int) crc.getValue() != e.crc()) throw failEntry(source, name, TEXT.get("crc"));
        return out;
    }

    private static String name(byte[] bytes, int from, int len, String source) throws ProjectFileException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, from, len)).toString();
        } catch (CharacterCodingException e) {
            throw fail(source, TEXT.get("nameNotUtf8"));
        }
    }

    /** Refuses names that could escape a folder when extracted, or that mean different files on different systems. */
    private static void checkName(String name, String source) throws ProjectFileException {
        String why = null;
        if (name.isEmpty()) why = TEXT.get("nameEmpty");
        else if (name.startsWith("/") || name.contains("\\") || name.contains(":")) why = TEXT.get("nameAbsolute");
        else if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) why = TEXT.get("nameControl");
        else {
            String body = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
            for (String part : body.split("/", -1)) {
                if (part.isEmpty() || part.equals(".") || part.equals("..")) { why = TEXT.get("nameDots"); break; }
            }
        }
        if (why != null) throw failEntry(source, printable(name), why);
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().limit(200).forEach(c -> { if (c < 0x20 || c == 0x7f) sb.append(String.format("\\x%02x", c)); else sb.appendCodePoint(c); });
        return sb.toString();
    }

    private static int u16(ByteBuffer b, int at) { return Short.toUnsignedInt(b.getShort(at)); }
    private static long u32(ByteBuffer b, int at) { return Integer.toUnsignedLong(b.getInt(at)); }

    private static ProjectFileException fail(String source, String problem) {
        return new ProjectFileException(source + ": " + problem);
    }

    private static ProjectFileException failEntry(String source, String entry, String problem) {
        return new ProjectFileException(TEXT.get("inEntry", source, entry, problem));
    }
}
