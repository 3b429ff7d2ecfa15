package org.layerlab.compute.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.layerlab.compute.tensor.Shape;

/**
 * Reads image/label pairs in the IDX format of MNIST, Fashion-MNIST and KMNIST (raw or gzipped). Every header is
 * checked (magic number, dimensions, sizes) and a file that does not hold what its header declares is refused
 * before any data set is made; nothing is allocated for a declared size the file cannot back.
 */
public final class IdxFiles {
    private IdxFiles() {}

    /** Magic numbers: two zero bytes, type 0x08 (unsigned byte), the number of dimensions. */
    public static final int IMAGES_MAGIC = 0x00000803, LABELS_MAGIC = 0x00000801;

    /** Largest image side accepted (a header beyond it is damaged, not a picture). */
    static final int MAX_SIDE = 4096;

    /** Where Debian's {@code dataset-fashion-mnist} package puts the files. */
    public static final Path FASHION_MNIST_DIR = Path.of("/usr/share/datasets/fashion-mnist");

    public static final List<String> FASHION_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    public static final List<String> DIGIT_CLASSES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    /** True when the Fashion-MNIST files are installed ({@code apt-get install dataset-fashion-mnist}). */
    public static boolean fashionMnistAvailable() {
        return Files.isReadable(FASHION_MNIST_DIR.resolve("train-images-idx3-ubyte.gz"))
                && Files.isReadable(FASHION_MNIST_DIR.resolve("t10k-labels-idx1-ubyte.gz"));
    }

    /**
     * Fashion-MNIST's training ("train") or test ("t10k") part from the system location, pixels scaled to 0…1,
     * samples shaped 1×28×28 ({@code flat} false) or 784 ({@code flat} true); at most {@code limit} samples.
     */
    public static Dataset fashionMnist(String part, boolean flat, int limit) throws DataException {
        Path dir = FASHION_MNIST_DIR;
        return read(dir.resolve(part + "-images-idx3-ubyte.gz"), dir.resolve(part + "-labels-idx1-ubyte.gz"),
                flat, limit, "Fashion-MNIST " + part, FASHION_CLASSES);
    }

    public static Dataset read(Path images, Path labels, boolean flat, int limit, String name, List<String> classes) throws DataException {
        return read(images, labels, flat, limit, name, classes, DataContext.of(null));
    }

    /**
     * An image file and its label file as one data set. {@code classes} names the classes (labels must lie below
     * its size), or is empty to number the classes found. At most {@code limit} samples (the first ones) are read.
     */
    public static Dataset read(Path images, Path labels, boolean flat, int limit, String name, List<String> classes,
                               DataContext ctx) throws DataException {
        return read(Src.of(images), Src.of(labels), flat, limit, name, classes, ctx);
    }

    /** As {@link #read(Path, Path, boolean, int, String, List, DataContext)} for files held in memory (named for messages). */
    public static Dataset read(String imagesName, byte[] images, String labelsName, byte[] labels, boolean flat, int limit,
                               String name, List<String> classes, DataContext ctx) throws DataException {
        return read(new Src(imagesName, null, images), new Src(labelsName, null, labels), flat, limit, name, classes, ctx);
    }

    /** A file on disk or its bytes in memory, named as the user knows it. */
    record Src(String name, Path path, byte[] bytes) {
        static Src of(Path p) { return new Src(p.toString(), p, null); }

        boolean gz() {
            String n = path != null ? (path.getFileName() == null ? "" : path.getFileName().toString()) : name;
            return n.toLowerCase(Locale.ROOT).endsWith(".gz");
        }

        String shortName() { return path != null && path.getFileName() != null ? path.getFileName().toString() : name; }

        InputStream raw() throws IOException {
            return bytes != null ? new java.io.ByteArrayInputStream(bytes) : new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        }

        long size() throws IOException { return bytes != null ? bytes.length : Files.size(path); }

        /** The last four bytes (a gzip stream's uncompressed size), little-endian, or -1. */
        long tail() throws IOException {
            if (bytes != null) {
                if (bytes.length < 18) return -1;
                return Integer.toUnsignedLong(ByteBuffer.wrap(bytes, bytes.length - 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
            }
            try (FileChannel ch = FileChannel.open(path)) {
                long size = ch.size();
                if (size < 18) return -1;
                ByteBuffer b = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
                ch.read(b, size - 4);
                return Integer.toUnsignedLong(b.flip().getInt());
            }
        }
    }

    static Dataset read(Src images, Src labels, boolean flat, int limit, String name, List<String> classes,
                        DataContext ctx) throws DataException {
        Header ih = header(images, IMAGES_MAGIC);
        Header lh = header(labels, LABELS_MAGIC);
        if (ih.dims[0] != lh.dims[0]) {
            throw new DataException(labels.name(), null, DataText.get("idx.countMismatch", lh.dims[0], images.name(), ih.dims[0]));
        }
        int n = (int) Math.min(ih.dims[0], Math.max(0, limit));
        int h = ih.dims[1], w = ih.dims[2];
        ctx.reserve(images.name(), (long) n * h * w);
        byte[] lab = body(labels, lh, n, ctx);
        int[] y = new int[n];
        int max = -1;
        for (int i = 0; i < n; i++) {
            y[i] = lab[i] & 0xFF;
            if (!classes.isEmpty() && y[i] >= classes.size()) {
                throw new DataException(labels.name(), DataText.get("idx.item", i + 1), DataText.get("idx.labelRange", y[i], classes.size() - 1));
            }
            max = Math.max(max, y[i]);
        }
        List<String> names = classes;
        if (names.isEmpty()) {
            List<String> numbered = new ArrayList<>();
            for (int c = 0; c <= max; c++) numbered.add(Integer.toString(c));
            names = numbered;
        }
        // Kept as the file's bytes (a quarter of the floats' memory); batches are converted through PIXELS.
        byte[] pixels = body(images, ih, n, ctx);
        Shape s = flat ? Shape.of(n, h * w) : Shape.of(n, 1, h, w);
        return new Dataset(name, new Features.Codes(s, pixels, PIXELS), y, null, names, List.of());
    }

    /** Pixel byte 0…255 → float 0…1 (shared by every IDX data set, never written). */
    private static final float[] PIXELS = new float[256];
    static { for (int i = 0; i < 256; i++) PIXELS[i] = i / 255f; }

    /** A checked header: the kind of file (images or labels) and its dimensions. */
    record Header(int magic, int[] dims, long fileBytes, boolean gz) {
        long itemBytes() {
            long b = 1;
            for (int i = 1; i < dims.length; i++) b *= dims[i];
            return b;
        }
        int headerBytes() { return 4 + 4 * dims.length; }
    }

    static boolean gz(Path p) { return p.getFileName() != null && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz"); }

    static InputStream open(Src p) throws DataException {
        try {
            InputStream in = p.raw();
            return p.gz() ? new GZIPInputStream(in, 1 << 16) : in;
        } catch (NoSuchFileException e) {
            throw new DataException(p.name(), null, DataText.get("file.notFound"));
        } catch (ZipException e) {
            throw new DataException(p.name(), null, DataText.get("idx.notGzip", e.getMessage()));
        } catch (EOFException e) {
            throw new DataException(p.name(), null, DataText.get("idx.notGzip", "unexpected end"));
        } catch (IOException e) {
            throw new DataException(p.name(), null, DataText.get("file.cannotRead", e.getMessage()));
        }
    }

    /** Reads and checks the header of {@code file}, which should have magic number {@code expected}. */
    static Header header(Src file, int expected) throws DataException {
        String f = file.name();
        try (InputStream in = open(file)) {
            byte[] head = new byte[4];
            int got = in.readNBytes(head, 0, 4);
            if (got < 4) throw new DataException(f, null, DataText.get("idx.shortHeader", got, 4));
            int magic = ByteBuffer.wrap(head).getInt();
            if (magic != expected) {
                String what = magic == IMAGES_MAGIC ? DataText.get("idx.kind.images") : magic == LABELS_MAGIC ? DataText.get("idx.kind.labels") : null;
                String want = expected == IMAGES_MAGIC ? DataText.get("idx.kind.images") : DataText.get("idx.kind.labels");
                throw new DataException(f, DataText.get("idx.place.magic"), what != null
                        ? DataText.get("idx.wrongKind", hex(expected), want, hex(magic), what)
                        : DataText.get("idx.badMagic", hex(expected), want, hex(magic)));
            }
            int rank = expected & 0xFF;
            byte[] dimBytes = new byte[4 * rank];
            got = in.readNBytes(dimBytes, 0, dimBytes.length);
            if (got < dimBytes.length) throw new DataException(f, null, DataText.get("idx.shortHeader", 4 + got, 4 + dimBytes.length));
            int[] dims = new int[rank];
            ByteBuffer bb = ByteBuffer.wrap(dimBytes).order(ByteOrder.BIG_ENDIAN);
            for (int i = 0; i < rank; i++) {
                dims[i] = bb.getInt();
                int limit = i == 0 ? Integer.MAX_VALUE : MAX_SIDE;
                if (dims[i] <= 0 || dims[i] > limit) {
                    throw new DataException(f, DataText.get("idx.place.dim", i + 1), DataText.get(i == 0 ? "idx.badCount" : "idx.badSide", Integer.toUnsignedString(dims[i]), MAX_SIDE));
                }
            }
            long size = file.gz() ? -1 : file.size();
            return new Header(magic, dims, size, file.gz());
        } catch (IOException e) {
            throw new DataException(f, null, e instanceof ZipException || e instanceof EOFException
                    ? DataText.get("idx.notGzip", e.getMessage()) : DataText.get("file.cannotRead", e.getMessage()));
        }
    }

    /**
     * The first {@code items} items of {@code file} after its header, or a refusal when the file ends early (with the
     * bytes expected and found and the item it ends in) or, when all items are read, holds more than declared.
     */
    static byte[] body(Src file, Header h, int items, DataContext ctx) throws DataException {
        String f = file.name();
        long itemBytes = h.itemBytes();
        long want = items * itemBytes;
        long declared = h.dims[0] * itemBytes;
        boolean whole = items == h.dims[0];
        if (want > Integer.MAX_VALUE - 16) throw new DataException(f, null, DataText.get("memory.tooLarge", DataText.bytes(want), DataText.bytes(ctx.memoryBudget())));
        if (!h.gz) {
            long found = h.fileBytes - h.headerBytes();
            if (found < want) throw truncated(f, h, declared, found);
            if (whole && found > declared) throw new DataException(f, null, DataText.get("idx.trailing", found - declared, h.headerBytes() + declared));
        }
        // Grow with the data actually read: a gzip stream's size is unknown until its end, and a damaged header
        // must not make us allocate what it claims.
        int cap = (int) Math.min(want, Math.max(1 << 16, gzipSizeHint(file, h)));
        byte[] buf = new byte[cap];
        int filled = 0;
        try (InputStream in = open(file)) {
            in.skipNBytes(h.headerBytes());
            while (filled < want) {
                if (filled == buf.length) buf = Arrays.copyOf(buf, (int) Math.min(want, (long) buf.length * 2));
                int r = in.read(buf, filled, buf.length - filled);
                if (r < 0) break;
                filled += r;
                if ((filled & 0xFFFFF) < r) {
                    ctx.progress().update(file.shortName(), filled, want);
                    ctx.checkCancelled(f);
                }
            }
            if (filled < want) throw truncated(f, h, declared, filled);
            if (whole && in.read() >= 0) {
                long extra = 1;
                byte[] skip = new byte[1 << 16];
                for (int r; (r = in.read(skip)) > 0 && extra < (1L << 40); ) extra += r;
                throw new DataException(f, null, DataText.get("idx.trailing", extra, h.headerBytes() + declared));
            }
        } catch (EOFException e) {
            throw truncated(f, h, declared, filled);
        } catch (ZipException e) {
            throw new DataException(f, DataText.get("idx.place.byte", h.headerBytes() + filled), DataText.get("idx.notGzip", e.getMessage()));
        } catch (IOException e) {
            throw new DataException(f, null, DataText.get("file.cannotRead", e.getMessage()));
        }
        ctx.progress().update(file.shortName(), want, want);
        return buf.length == filled ? buf : Arrays.copyOf(buf, filled);
    }

    private static DataException truncated(String f, Header h, long declared, long found) {
        boolean images = h.magic == IMAGES_MAGIC;
        long item = Math.min(h.dims[0], found / h.itemBytes() + 1);
        return new DataException(f, null, DataText.get(images ? "idx.truncatedImage" : "idx.truncatedLabel",
                h.headerBytes() + declared, h.headerBytes() + found, item, h.dims[0]));
    }

    /** A gzip file's last four bytes hold its uncompressed size (mod 2³²): a hint for the first buffer, never trusted. */
    private static long gzipSizeHint(Src file, Header h) {
        if (!h.gz) return h.fileBytes;
        try {
            long tail = file.tail();
            // A gzip stream shrinks data by at most about 1000:1, so a hint beyond that is damage, not data.
            return tail < 0 ? 0 : Math.min(tail, file.size() * 1032L);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String hex(int v) { return String.format(Locale.ROOT, "0x%08X", v); }

    /** Writes an IDX image file ({@code n} images of h×w bytes), gzipped when the name ends in .gz (tests, tools). */
    public static void writeImages(Path file, byte[] pixels, int n, int h, int w) throws IOException {
        write(file, IMAGES_MAGIC, new int[] {n, h, w}, pixels);
    }

    /** Writes an IDX label file. */
    public static void writeLabels(Path file, byte[] labels) throws IOException {
        write(file, LABELS_MAGIC, new int[] {labels.length}, labels);
    }

    private static void write(Path file, int magic, int[] dims, byte[] data) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file); OutputStream out = gz(file) ? new GZIPOutputStream(raw, 1 << 16) : raw) {
            ByteBuffer head = ByteBuffer.allocate(4 + 4 * dims.length).putInt(magic);
            for (int d : dims) head.putInt(d);
            out.write(head.array());
            out.write(data);
        }
    }
}
