package org.layerlab.compute.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
    /** A mirror to download from instead of the sets' public locations: it holds {@code <id>/<file>} (e.g. for tests). */
    public static final String MIRROR_PROPERTY = "layerlab.download.baseUrl";
    /** How long opening the connection may take, in milliseconds (default 15 s). */
    public static final String CONNECT_TIMEOUT_PROPERTY = "layerlab.download.connectTimeoutMillis";
    /** How long the server may send nothing in the middle of a download, in milliseconds (default 30 s). */
    public static final String READ_TIMEOUT_PROPERTY = "layerlab.download.readTimeoutMillis";
    /**
     * The system folders to look in before downloading, separated by the path separator, instead of the known ones
     * (empty: none; e.g. for tests that must download).
     */
    public static final String SYSTEM_DIRS_PROPERTY = "layerlab.datasets.systemDirs";
    /**
     * A file in {@code sha256sum} format whose checksums replace the declared ones for the files it names (a mirror
     * of re-compressed copies, such as Debian's, has checksums of its own). Names may carry the set's id as a folder:
     * {@code fashion-mnist/train-images-idx3-ubyte.gz}.
     */
    public static final String CHECKSUMS_PROPERTY = "layerlab.download.sha256sums";
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

    public static final NamedIdxSource FASHION_MNIST = new NamedIdxSource("fashion-mnist", SourceText.name("fashion-mnist"),
            SourceText.about("fashion-mnist"), IdxFiles.FASHION_CLASSES,
            URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"), null, List.of(IdxFiles.FASHION_MNIST_DIR),
            Map.of("train-images-idx3-ubyte.gz", "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84",
                    "train-labels-idx1-ubyte.gz", "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845",
                    "t10k-images-idx3-ubyte.gz", "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073",
                    "t10k-labels-idx1-ubyte.gz", "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5"));

    public static final NamedIdxSource MNIST = new NamedIdxSource("mnist", SourceText.name("mnist"),
            SourceText.about("mnist"), IdxFiles.DIGIT_CLASSES,
            URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/"), null, List.of(Path.of("/usr/share/datasets/mnist")),
            Map.of("train-images-idx3-ubyte.gz", "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
                    "train-labels-idx1-ubyte.gz", "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
                    "t10k-images-idx3-ubyte.gz", "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
                    "t10k-labels-idx1-ubyte.gz", "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6"));

    @Override public String id() { return id; }
    // Read at each call, not kept from class loading: a switch of language renames the source too.
    @Override public String displayName() { return SourceText.name(id()); }
    @Override public String description() { return SourceText.about(id()); }
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
        for (Path d : systemDirs()) if (complete(d)) return d;
        return null;
    }

    /** The system folders looked in: {@value #SYSTEM_DIRS_PROPERTY} when set, else the set's known ones. */
    private List<Path> systemDirs() {
        String prop = System.getProperty(SYSTEM_DIRS_PROPERTY);
        if (prop == null) return systemDirs;
        return java.util.Arrays.stream(prop.split(java.util.regex.Pattern.quote(java.io.File.pathSeparator)))
                .filter(x -> !x.isBlank()).map(Path::of).toList();
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
        URI base = downloadBase();
        Map<String, String> expected = checksums();
        for (String f : FILES) {
            Path target = dir.resolve(f);
            if (!Files.isReadable(target)) fetch(base.resolve(f), target, expected.get(f), ctx);
        }
        return dir;
    }

    /** Where the files are downloaded from: the set's public location, or {@value #MIRROR_PROPERTY}{@code /<id>/}. */
    URI downloadBase() {
        String mirror = System.getProperty(MIRROR_PROPERTY);
        if (mirror == null || mirror.isBlank()) return baseUrl;
        return URI.create(mirror.endsWith("/") ? mirror : mirror + "/").resolve(id + "/");
    }

    /** The declared checksums, with those of {@value #CHECKSUMS_PROPERTY}'s file in their place where it names a file. */
    Map<String, String> checksums() throws DataException {
        String prop = System.getProperty(CHECKSUMS_PROPERTY);
        if (prop == null || prop.isBlank()) return sha256;
        Path sums = Path.of(prop);
        Map<String, String> out = new java.util.HashMap<>(sha256);
        List<String> lines;
        try {
            lines = Files.readAllLines(sums);
        } catch (IOException e) {
            throw new DataException(sums.toString(), null, DataText.get("file.cannotRead", String.valueOf(e.getMessage())));
        }
        var line = java.util.regex.Pattern.compile("([0-9a-fA-F]{64})\\s+\\*?(\\S.*)");
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty() || l.startsWith("#")) continue;
            var m = line.matcher(l);
            if (!m.matches()) throw new DataException(sums.toString(), DataText.get("csv.line", i + 1), DataText.get("download.sumsLine"));
            String name = m.group(2).strip(), folder = null;
            int slash = name.lastIndexOf('/');
            if (slash >= 0) {
                folder = name.substring(0, slash);
                name = name.substring(slash + 1);
            }
            if ((folder == null || folder.equals(id) || folder.endsWith("/" + id)) && FILES.contains(name)) out.put(name, m.group(1).toLowerCase(java.util.Locale.ROOT));
        }
        return out;
    }

    /** A timeout in milliseconds from a system property, or the default when it is unset or not a positive number. */
    static int timeoutMillis(String property, int defaultMillis) {
        try {
            int v = Integer.parseInt(System.getProperty(property, "").strip());
            return v > 0 ? v : defaultMillis;
        } catch (NumberFormatException e) {
            return defaultMillis;
        }
    }

    /**
     * One file into {@code target} through a temporary file, checked against its SHA-256. The connection must open
     * within the connect timeout, and the server must keep sending: when nothing arrives for the read timeout, the
     * download fails with a message saying so (a server that stalls mid-body must not hang the load for ever).
     */
    private void fetch(URI url, Path target, String expectedSha, DataContext ctx) throws DataException {
        String where = url.toString();
        int connectMillis = timeoutMillis(CONNECT_TIMEOUT_PROPERTY, 15_000), readMillis = timeoutMillis(READ_TIMEOUT_PROPERTY, 30_000);
        Path tmp = null;
        HttpURLConnection c = null;
        long done = 0, total = -1;
        try {
            c = (HttpURLConnection) url.toURL().openConnection();
            c.setConnectTimeout(connectMillis);
            c.setReadTimeout(readMillis);
            c.setInstanceFollowRedirects(true);
            try {
                c.connect();
            } catch (SocketTimeoutException e) {
                throw new DataException(where, null, DataText.get("download.offline", id, cacheDir()));
            }
            int status = c.getResponseCode();
            if (status != 200) throw new DataException(where, null, DataText.get("download.status", status));
            total = c.getContentLengthLong();
            tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = c.getInputStream(); OutputStream out = Files.newOutputStream(tmp)) {
                byte[] buf = new byte[1 << 16];
                while (true) {
                    int n;
                    try {
                        n = in.read(buf);
                    } catch (SocketTimeoutException e) {
                        throw e;
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
        } catch (SocketTimeoutException e) {
            // Connected, then silence: no answer at all, or the server (or the network between) stopped sending mid-file.
            if (total < 0 && done == 0) throw new DataException(where, null, DataText.get("download.noAnswer", seconds(readMillis)));
            throw new DataException(where, null, DataText.get("download.stalled", seconds(readMillis), done, total < 0 ? "?" : total));
        } catch (ConnectException | UnknownHostException | NoRouteToHostException e) {
            throw new DataException(where, null, DataText.get("download.offline", id, cacheDir()));
        } catch (IOException e) {
            throw new DataException(where, null, DataText.get("download.failed", String.valueOf(e.getMessage())));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        } finally {
            if (c != null) c.disconnect();
            if (tmp != null) try { Files.deleteIfExists(tmp); } catch (IOException ignored) { /* best effort */ }
        }
    }

    /** "30" or "0.3": a timeout as people read it. */
    private static String seconds(int millis) {
        return java.math.BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
    }
}
