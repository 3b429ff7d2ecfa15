package org.layerlab.compute.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.tensor.Shape;

/**
 * MNIST or Fashion-MNIST by name. The four IDX files are looked for in LayerLab's cache
 * ({@code ~/.layerlab/datasets/<id>}, or the folder in system property {@value #CACHE_PROPERTY}), then in known
 * system folders (Debian's {@code dataset-fashion-mnist}), and otherwise downloaded from the set's public location
 * with progress and a SHA-256 check into the cache. The set's own t10k files are the test split.
 */
public final class NamedIdxSource implements DataSource {
    public static final String CACHE_PROPERTY = "layerlab.datasets";
    public static final List<String> FILES = List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
            "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");

    private static final List<ParamSpec> PARAMS = List.of(IdxSource.LAYOUT, IdxSource.LIMIT.withDefault(60_000));

    private final String id, name, description;
    private final List<String> classes;
    private final URI baseUrl;
    private final Path cacheDir;
    private final List<Path> systemDirs;
    private final Map<String, String> sha256;

    /**
     * @param cacheDir  where downloads go (null: the property or {@code ~/.layerlab/datasets}, read at load time)
     * @param sha256    the expected SHA-256 of each of {@link #FILES}, hex
     */
    public NamedIdxSource(String id, String name, String description, List<String> classes, URI baseUrl, Path cacheDir,
                          List<Path> systemDirs, Map<String, String> sha256) {
        this.id = id;
        this.name = name;
        this.description = description;
        this.classes = List.copyOf(classes);
        this.baseUrl = baseUrl;
        this.cacheDir = cacheDir;
        this.systemDirs = List.copyOf(systemDirs);
        this.sha256 = Map.copyOf(sha256);
    }

    public static final NamedIdxSource FASHION_MNIST = new NamedIdxSource("fashion-mnist", "Fashion-MNIST",
            "70,000 grey 28×28 pictures of clothes in 10 classes (Zalando Research, MIT licence).", IdxFiles.FASHION_CLASSES,
            URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"), null, List.of(IdxFiles.FASHION_MNIST_DIR),
            Map.of("train-images-idx3-ubyte.gz", "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84",
                    "train-labels-idx1-ubyte.gz", "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845",
                    "t10k-images-idx3-ubyte.gz", "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073",
                    "t10k-labels-idx1-ubyte.gz", "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5"));

    public static final NamedIdxSource MNIST = new NamedIdxSource("mnist", "MNIST digits",
            "70,000 grey 28×28 handwritten digits 0–9 (LeCun, Cortes and Burges).", IdxFiles.DIGIT_CLASSES,
            URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/"), null, List.of(Path.of("/usr/share/datasets/mnist")),
            Map.of("train-images-idx3-ubyte.gz", "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
                    "train-labels-idx1-ubyte.gz", "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
                    "t10k-images-idx3-ubyte.gz", "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
                    "t10k-labels-idx1-ubyte.gz", "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6"));

    @Override public String id() { return id; }
    @Override public String displayName() { return name; }
    @Override public String description() { return description; }
    @Override public List<ParamSpec> params() { return PARAMS; }
    @Override public Group group() { return Group.NAMED; }
    @Override public Shape sampleShape(Params p) { return "flat".equals(p.getString("layout")) ? Shape.of(784) : Shape.of(1, 28, 28); }

    /** LayerLab's download cache for this set. */
    public Path cacheDir() {
        if (cacheDir != null) return cacheDir;
        String prop = System.getProperty(CACHE_PROPERTY);
        Path root = prop != null ? Path.of(prop) : Path.of(System.getProperty("user.home"), ".layerlab", "datasets");
        return root.resolve(id);
    }

    /** The folder holding all four files without downloading (cache first, then system folders), or null. */
    public Path findLocal() {
        if (complete(cacheDir())) return cacheDir();
        for (Path d : systemDirs) if (complete(d)) return d;
        return null;
    }

    private static boolean complete(Path dir) { return FILES.stream().allMatch(f -> Files.isReadable(dir.resolve(f))); }

    @Override public LoadedData load(Params p, DataContext ctx) throws DataException {
        Path dir = findLocal();
        if (dir == null) dir = download(ctx);
        boolean flat = "flat".equals(p.getString("layout"));
        Dataset train = IdxFiles.read(dir.resolve(FILES.get(0)), dir.resolve(FILES.get(1)), flat, p.getInt("limit"), name, classes, ctx);
        Dataset test = IdxFiles.read(dir.resolve(FILES.get(2)), dir.resolve(FILES.get(3)), flat, Integer.MAX_VALUE, name + " (test)", classes, ctx);
        return new LoadedData(train, test);
    }

    /** Downloads the missing files into the cache, each checked against its SHA-256; returns the cache folder. */
    public Path download(DataContext ctx) throws DataException {
        Path dir = cacheDir();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DataException(dir.toString(), null, DataText.get("file.cannotWrite", e.getMessage()));
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15)).followRedirects(HttpClient.Redirect.NORMAL).build();
        for (String f : FILES) {
            Path target = dir.resolve(f);
            if (!Files.isReadable(target)) fetch(client, baseUrl.resolve(f), target, sha256.get(f), ctx);
        }
        return dir;
    }

    private void fetch(HttpClient client, URI url, Path target, String expectedSha, DataContext ctx) throws DataException {
        String where = url.toString();
        Path tmp = null;
        try {
            HttpResponse<InputStream> r = client.send(HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                if (r.statusCode() != 200) throw new DataException(where, null, DataText.get("download.status", r.statusCode()));
                long total = r.headers().firstValueAsLong("Content-Length").orElse(-1);
                tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                long done = 0;
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    byte[] buf = new byte[1 << 16];
                    while (true) {
                        int n;
                        try {
                            n = in.read(buf);
                        } catch (IOException e) {
                            throw new DataException(where, null, DataText.get("download.broken", done, total));
                        }
                        if (n < 0) break;
                        out.write(buf, 0, n);
                        sha.update(buf, 0, n);
                        done += n;
                        ctx.progress().update(target.getFileName().toString(), done, total);
                        ctx.checkCancelled(where);
                    }
                }
                if (total >= 0 && done != total) throw new DataException(where, null, DataText.get("download.broken", done, total));
                String got = HexFormat.of().formatHex(sha.digest());
                if (expectedSha != null && !got.equalsIgnoreCase(expectedSha)) {
                    throw new DataException(where, null, DataText.get("download.checksum", got, expectedSha));
                }
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
                tmp = null;
            }
        } catch (ConnectException | UnknownHostException | HttpConnectTimeoutException e) {
            throw new DataException(where, null, DataText.get("download.offline", id, cacheDir()));
        } catch (IOException e) {
            throw new DataException(where, null, DataText.get("download.failed", String.valueOf(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataException(where, null, DataText.get("load.cancelled"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        } finally {
            if (tmp != null) try { Files.deleteIfExists(tmp); } catch (IOException ignored) { /* best effort */ }
        }
    }
}
