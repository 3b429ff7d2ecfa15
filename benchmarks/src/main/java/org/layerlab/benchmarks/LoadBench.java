package org.layerlab.benchmarks;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.layerlab.compute.data.DataContext;
import org.layerlab.compute.data.Dataset;
import org.layerlab.compute.data.IdxFiles;

/**
 * Loading the 60,000 Fashion-MNIST training images (and labels) from their .gz files into a data set, measured
 * side by side with only decompressing the same files (the floor any loader pays), in one JVM, alternating.
 * Usage: LoadBench [folder] [repeats]; prints the first (cold) load and the best and median of the repeats.
 */
public final class LoadBench {
    private LoadBench() {}

    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : IdxFiles.FASHION_MNIST_DIR;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path images = dir.resolve("train-images-idx3-ubyte.gz"), labels = dir.resolve("train-labels-idx1-ubyte.gz");
        if (!Files.isReadable(images)) {
            System.err.println("LoadBench: " + images + " is missing: apt-get install dataset-fashion-mnist");
            System.exit(2);
        }
        // The loader runs on this one thread, so its CPU time is what an idle core would take; wall time on a shared,
        // loaded machine also counts the time other processes held the core.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime(), c0 = threads.getCurrentThreadCpuTime();
        Dataset first = load(images, labels);
        double cold = (System.nanoTime() - t0) / 1e6, coldCpu = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
        double[] loads = new double[repeats], gunzips = new double[repeats], loadCpus = new double[repeats];
        long checksum = 0;
        for (int r = 0; r < repeats; r++) {
            long a = System.nanoTime(), ac = threads.getCurrentThreadCpuTime();
            Dataset d = load(images, labels);
            loadCpus[r] = (threads.getCurrentThreadCpuTime() - ac) / 1e6;
            long b = System.nanoTime();
            checksum += gunzip(images) + gunzip(labels);
            long c = System.nanoTime();
            loads[r] = (b - a) / 1e6;
            gunzips[r] = (c - b) / 1e6;
            checksum += d.size();
        }
        Arrays.sort(loads);
        Arrays.sort(gunzips);
        Arrays.sort(loadCpus);
        System.out.printf(Locale.ROOT, "{\"workload\":\"load-fashion-train-gz\",\"images\":%d,\"shape\":\"%s\",\"cold_ms\":%.1f,"
                        + "\"load_best_ms\":%.1f,\"load_median_ms\":%.1f,\"gunzip_best_ms\":%.1f,\"gunzip_median_ms\":%.1f,\"load_over_gunzip\":%.2f,"
                        + "\"cold_cpu_ms\":%.1f,\"load_cpu_best_ms\":%.1f,\"load_cpu_median_ms\":%.1f,\"repeats\":%d,\"check\":%d}%n",
                first.size(), first.sampleShape(), cold, loads[0], loads[repeats / 2], gunzips[0], gunzips[repeats / 2],
                loads[repeats / 2] / gunzips[repeats / 2], coldCpu, loadCpus[0], loadCpus[repeats / 2], repeats, checksum);
    }

    private static Dataset load(Path images, Path labels) throws Exception {
        return IdxFiles.read(images, labels, false, Integer.MAX_VALUE, "Fashion-MNIST train", IdxFiles.FASHION_CLASSES, DataContext.of(null));
    }

    /** Decompresses a file and throws the bytes away: the cost below which no .gz loader can go. */
    private static long gunzip(Path p) throws Exception {
        long n = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(p), 1 << 16), 1 << 16)) {
            for (int r; (r = in.read(buf)) > 0; ) n += r;
        }
        return n;
    }

    static List<String> files() { return List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"); }
}
