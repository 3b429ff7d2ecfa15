package org.layerlab.compute.project;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds a zip archive in memory: deflated entries with a fixed time, so the same contents give the same bytes. */
final class ZipWriter {
    private static final LocalDateTime TIME = LocalDateTime.of(2000, 1, 1, 0, 0);
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final ZipOutputStream zip = new ZipOutputStream(buffer, java.nio.charset.StandardCharsets.UTF_8);

    ZipWriter add(String name, byte[] bytes) {
        try {
            ZipEntry e = new ZipEntry(name);
            e.setTimeLocal(TIME);
            zip.putNextEntry(e);
            zip.write(bytes);
            zip.closeEntry();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex); // memory only: cannot happen
        }
        return this;
    }

    byte[] finish() {
        try {
            zip.close();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return buffer.toByteArray();
    }
}
