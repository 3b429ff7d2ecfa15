package org.layerlab.compute.project;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.layerlab.compute.text.Messages;

/**
 * The rules for opening a file the user names: only a regular file (a folder, pipe or device is refused by its
 * nature, so a FIFO cannot block and {@code /dev/zero} cannot fill the memory), at most {@link #maxBytes()} bytes,
 * and text that is UTF-8 (a byte-order mark is accepted; a bad byte is named by its offset). Every refusal is a
 * {@link ProjectFileException} naming the file.
 */
public final class FileReading {
    private static final Messages TEXT = Messages.of("org.layerlab.compute.i18n.filerules", FileReading.class);
    /** The largest project file opened; the system property {@value #MAX_PROPERTY} (bytes) changes it. */
    public static final String MAX_PROPERTY = "layerlab.maxProjectBytes";
    private static final long DEFAULT_MAX = 512L << 20;

    private FileReading() {}

    public static long maxBytes() {
        String v = System.getProperty(MAX_PROPERTY);
        try {
            return v == null ? DEFAULT_MAX : Math.max(1, Long.parseLong(v.trim()));
        } catch (NumberFormatException e) {
            return DEFAULT_MAX;
        }
    }

    /** The file's bytes, after checking that it is a regular file within the size limit. */
    public static byte[] readBytes(Path file) throws ProjectFileException {
        long max = maxBytes();
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class); // follows links: the target must qualify
        } catch (NoSuchFileException e) {
            throw new ProjectFileException(file + ": " + TEXT.get("notFound"), e);
        } catch (AccessDeniedException e) {
            throw new ProjectFileException(file + ": " + TEXT.get("denied"), e);
        } catch (IOException e) {
            throw new ProjectFileException(file + ": " + TEXT.get("cannotRead", String.valueOf(e.getMessage())), e);
        }
        if (a.isDirectory()) throw new ProjectFileException(file + ": " + TEXT.get("directory"));
        if (!a.isRegularFile()) throw new ProjectFileException(file + ": " + TEXT.get("notRegular"));
        if (a.size() > max) throw new ProjectFileException(file + ": " + TEXT.get("tooLarge", mib(a.size()), mib(max)));
        try (InputStream in = Files.newInputStream(file)) {
            // Read at most one byte past the limit: the file may grow between the check and the read.
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) throw new ProjectFileException(file + ": " + TEXT.get("tooLarge", mib(bytes.length), mib(max)));
            return bytes;
        } catch (AccessDeniedException e) {
            throw new ProjectFileException(file + ": " + TEXT.get("denied"), e);
        } catch (IOException e) {
            throw new ProjectFileException(file + ": " + TEXT.get("cannotRead", String.valueOf(e.getMessage())), e);
        }
    }

    /** The file as UTF-8 text (see {@link #decode}). */
    public static String readText(Path file) throws ProjectFileException {
        return decode(readBytes(file), file.toString());
    }

    /** Strict UTF-8 without a leading byte-order mark; a malformed byte is named by its offset from the start. */
    public static String decode(byte[] bytes, String source) throws ProjectFileException {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8, (long) (bytes.length - start) + 1));
        CoderResult r = dec.decode(in, out, true);
        if (r.isError()) throw new ProjectFileException(source + ": " + TEXT.get("badUtf8", in.position(), String.format("%02X", bytes[in.position()] & 0xFF)));
        r = dec.flush(out);
        if (r.isError()) throw new ProjectFileException(source + ": " + TEXT.get("badUtf8", in.position(), "00"));
        out.flip();
        return out.toString();
    }

    private static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
}
