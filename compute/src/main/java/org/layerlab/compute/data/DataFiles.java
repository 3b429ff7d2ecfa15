package org.layerlab.compute.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.layerlab.compute.catalog.InvalidParamException;
import org.layerlab.compute.catalog.Params;

/**
 * Which source reads a file the user names (the command line's {@code --data}, a file dropped on the window): a
 * folder is an image folder, a file starting with an IDX magic number (raw or gzipped) an IDX pair, anything else a
 * CSV/TSV table.
 */
public final class DataFiles {
    private DataFiles() {}

    /** A source id and its settings for {@code file}; {@code labels} (IDX) and {@code labelColumn} (CSV) may be null. */
    public record Choice(DataSource source, Params settings) {}

    public static Choice choose(Path file, Path labels, String labelColumn) throws DataException {
        String f = file.toString();
        Map<String, Object> s = new LinkedHashMap<>();
        DataSource source;
        if (Files.isDirectory(file)) {
            source = DataSources.IMAGE_FOLDER;
            s.put("folder", file.toAbsolutePath().toString());
        } else if (!Files.exists(file)) {
            throw new DataException(f, null, DataText.get("file.notFound"));
        } else if (idxMagic(file) != 0) {
            if (labels == null) throw new DataException(f, null, DataText.get("idx.needLabels"));
            source = DataSources.IDX;
            s.put("images", file.toAbsolutePath().toString());
            s.put("labels", labels.toAbsolutePath().toString());
        } else {
            source = DataSources.CSV;
            s.put("file", file.toAbsolutePath().toString());
            if (labelColumn != null) s.put("label", labelColumn);
            String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            if (n.endsWith(".tsv") || n.endsWith(".tab")) s.put("delimiter", "tab");
        }
        if (labels != null && source != DataSources.IDX) throw new DataException(labels.toString(), null, DataText.get("idx.labelsOnlyIdx"));
        try {
            return new Choice(source, Params.of(source.params(), s));
        } catch (InvalidParamException e) {
            throw new DataException(f, null, e.getMessage());
        }
    }

    /** The IDX magic number {@code file} starts with (images or labels), or 0 when it is not an IDX file. */
    static int idxMagic(Path file) {
        try (InputStream raw = Files.newInputStream(file)) {
            byte[] head = raw.readNBytes(4);
            if (head.length == 4 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) { head = in.readNBytes(4); }
            }
            if (head.length < 4) return 0;
            int m = ByteBuffer.wrap(head).getInt();
            return m == IdxFiles.IMAGES_MAGIC || m == IdxFiles.LABELS_MAGIC ? m : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
