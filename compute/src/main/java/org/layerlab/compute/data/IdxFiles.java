package org.layerlab.compute.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.tensor.Tensor;

/** Reads image/label pairs in the IDX format of MNIST and Fashion-MNIST (optionally gzipped). */
public final class IdxFiles {
    private IdxFiles() {}

    /** Where Debian's {@code dataset-fashion-mnist} package puts the files. */
    public static final Path FASHION_MNIST_DIR = Path.of("/usr/share/datasets/fashion-mnist");

    public static final List<String> FASHION_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** True when the Fashion-MNIST files are installed ({@code apt-get install dataset-fashion-mnist}). */
    public static boolean fashionMnistAvailable() {
        return Files.isReadable(FASHION_MNIST_DIR.resolve("train-images-idx3-ubyte.gz"))
                && Files.isReadable(FASHION_MNIST_DIR.resolve("t10k-labels-idx1-ubyte.gz"));
    }

    /**
     * Fashion-MNIST's training ("train") or test ("t10k") part, pixels scaled to 0…1, samples shaped 1×28×28
     * ({@code flat} false) or 784 ({@code flat} true); at most {@code limit} samples (the first ones).
     */
    public static Dataset fashionMnist(String part, boolean flat, int limit) throws IOException {
        Path dir = FASHION_MNIST_DIR;
        return read(dir.resolve(part + "-images-idx3-ubyte.gz"), dir.resolve(part + "-labels-idx1-ubyte.gz"),
                flat, limit, "Fashion-MNIST " + part, FASHION_CLASSES);
    }

    public static Dataset read(Path images, Path labels, boolean flat, int limit, String name, List<String> classes) throws IOException {
        try (DataInputStream im = open(images); DataInputStream lb = open(labels)) {
            if (im.readInt() != 0x00000803) throw new IOException(images + ": not an IDX image file");
            if (lb.readInt() != 0x00000801) throw new IOException(labels + ": not an IDX label file");
            int n = im.readInt(), h = im.readInt(), w = im.readInt();
            int nl = lb.readInt();
            if (nl != n) throw new IOException(images + " has " + n + " images but " + labels + " has " + nl + " labels");
            n = Math.min(n, limit);
            byte[] pixels = new byte[n * h * w];
            im.readFully(pixels);
            byte[] lab = new byte[n];
            lb.readFully(lab);
            float[] x = new float[pixels.length];
            for (int i = 0; i < x.length; i++) x[i] = (pixels[i] & 0xFF) / 255f;
            int[] y = new int[n];
            for (int i = 0; i < n; i++) y[i] = lab[i] & 0xFF;
            Shape s = flat ? Shape.of(n, h * w) : Shape.of(n, 1, h, w);
            return new Dataset(name, new Tensor(s, x), y, null, classes);
        }
    }

    private static DataInputStream open(Path p) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(p), 1 << 16);
        if (p.toString().endsWith(".gz")) in = new GZIPInputStream(in, 1 << 16);
        return new DataInputStream(in);
    }
}
