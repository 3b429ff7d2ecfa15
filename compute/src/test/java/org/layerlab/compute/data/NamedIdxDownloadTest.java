package org.layerlab.compute.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The by-name download path against a loopback server that serves small IDX files the test makes. */
class NamedIdxDownloadTest {
    @TempDir Path dir;
    private HttpServer server;
    private final Map<String, byte[]> files = new HashMap<>();
    private final Map<String, String> sha = new HashMap<>();
    /**
     * What the server does for a file: "ok", "drop" (declares the length, sends half, closes), "stall" (declares the
     * length, sends half, then sends nothing until the test ends), "silent" (accepts, never answers) or "404".
     */
    private final Map<String, String> behaviour = new HashMap<>();

    @BeforeEach void serve() throws Exception {
        Path src = dir.resolve("src");
        Files.createDirectories(src);
        IdxFilesTest.make(src.resolve(NamedIdxSource.FILES.get(0)), src.resolve(NamedIdxSource.FILES.get(1)), 12);
        IdxFilesTest.make(src.resolve(NamedIdxSource.FILES.get(2)), src.resolve(NamedIdxSource.FILES.get(3)), 4);
        for (String f : NamedIdxSource.FILES) {
            files.put(f, Files.readAllBytes(src.resolve(f)));
            sha.put(f, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(files.get(f))));
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/sets/", ex -> {
            String name = ex.getRequestURI().getPath().substring("/sets/".length());
            byte[] body = files.get(name);
            String how = behaviour.getOrDefault(name, "ok");
            if (body == null || how.equals("404")) {
                ex.sendResponseHeaders(404, -1);
                ex.close();
                return;
            }
            if (how.equals("silent")) {
                try {
                    stalled.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ex.close();
                return;
            }
            ex.sendResponseHeaders(200, body.length);
            OutputStream out = ex.getResponseBody();
            if (how.equals("stall")) {
                out.write(body, 0, body.length / 2);
                out.flush();
                try {
                    stalled.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ex.close();
                return;
            }
            if (how.equals("drop")) {
                out.write(body, 0, body.length / 2);
                out.flush();
                // HttpServer has no way to reset one connection; stopping the server closes it mid-body
                new Thread(() -> server.stop(0)).start();
                return;
            }
            out.write(body);
            out.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    /** Holds a stalled response open until the test is over. */
    private final java.util.concurrent.CountDownLatch stalled = new java.util.concurrent.CountDownLatch(1);

    @AfterEach void stop() {
        stalled.countDown();
        System.clearProperty(NamedIdxSource.READ_TIMEOUT_PROPERTY);
        System.clearProperty(NamedIdxSource.CHECKSUMS_PROPERTY);
        server.stop(0);
    }

    private NamedIdxSource source(Map<String, String> checksums) {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sets/");
        return new NamedIdxSource("tiny", "Tiny", "test set", List.of(), base, dir.resolve("cache"), List.of(dir.resolve("nowhere")), checksums);
    }

    @Test void downloadsChecksAndCachesThenLoadsWithTheOwnTestSplit() throws Exception {
        List<String> progress = new CopyOnWriteArrayList<>();
        NamedIdxSource s = source(sha);
        assertEquals(null, s.findLocal());
        LoadedData d = s.load(s.defaultParams(), DataContext.of(null).withProgress((stage, done, total) -> progress.add(stage + " " + done + "/" + total)));
        assertEquals(12, d.data().size());
        assertEquals(4, d.test().size());
        assertEquals(dir.resolve("cache"), s.findLocal());
        assertTrue(progress.contains(NamedIdxSource.FILES.get(0) + " " + files.get(NamedIdxSource.FILES.get(0)).length + "/" + files.get(NamedIdxSource.FILES.get(0)).length), progress.toString());
        behaviour.put(NamedIdxSource.FILES.get(0), "404");
        assertEquals(12, s.load(s.defaultParams(), DataContext.of(null)).data().size(), "cached: the server is not asked again");
    }

    @Test void aChecksumMismatchKeepsNothing() {
        Map<String, String> wrong = new HashMap<>(sha);
        wrong.put(NamedIdxSource.FILES.get(1), "00".repeat(32));
        NamedIdxSource s = source(wrong);
        DataException e = assertThrows(DataException.class, () -> s.load(s.defaultParams(), DataContext.of(null)));
        assertTrue(e.getMessage().contains("/sets/" + NamedIdxSource.FILES.get(1) + ": the downloaded file's SHA-256 is " + sha.get(NamedIdxSource.FILES.get(1))), e.getMessage());
        assertFalse(Files.exists(dir.resolve("cache").resolve(NamedIdxSource.FILES.get(1))));
        assertTrue(leftovers().isEmpty(), leftovers().toString());
    }

    @Test void aDroppedConnectionSaysItBrokeOff() {
        behaviour.put(NamedIdxSource.FILES.get(0), "drop");
        NamedIdxSource s = source(sha);
        DataException e = assertThrows(DataException.class, () -> s.load(s.defaultParams(), DataContext.of(null)));
        assertTrue(e.getMessage().contains("/sets/" + NamedIdxSource.FILES.get(0) + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("broke off after"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("cache").resolve(NamedIdxSource.FILES.get(0))));
        assertTrue(leftovers().isEmpty(), leftovers().toString());
    }

    @Test void aServerThatStopsSendingMidFileFailsByItselfAfterTheReadTimeout() {
        behaviour.put(NamedIdxSource.FILES.get(0), "stall");
        // Long enough for a busy machine to send the headers and the first half, short for a test.
        System.setProperty(NamedIdxSource.READ_TIMEOUT_PROPERTY, "1500");
        NamedIdxSource s = source(sha);
        int half = files.get(NamedIdxSource.FILES.get(0)).length / 2;
        DataException e = assertThrows(DataException.class, () -> s.load(s.defaultParams(), DataContext.of(null)));
        assertTrue(e.getMessage().contains("/sets/" + NamedIdxSource.FILES.get(0) + ": the server stopped sending: nothing arrived for 1.5 s after "
                + half + " of " + files.get(NamedIdxSource.FILES.get(0)).length + " bytes"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("cache").resolve(NamedIdxSource.FILES.get(0))), "no partial file is kept");
        assertTrue(leftovers().isEmpty(), leftovers().toString());
    }

    @Test void aMirrorsOwnChecksumsFileReplacesTheDeclaredChecksums() throws Exception {
        Map<String, String> declared = new HashMap<>();
        for (String f : NamedIdxSource.FILES) declared.put(f, "00".repeat(32)); // as for a mirror of re-compressed copies
        StringBuilder sums = new StringBuilder("# the mirror's copies\n");
        for (String f : NamedIdxSource.FILES) sums.append(sha.get(f)).append("  tiny/").append(f).append('\n');
        sums.append("ab".repeat(32)).append("  other-set/").append(NamedIdxSource.FILES.get(0)).append('\n');
        Path file = Files.writeString(dir.resolve("SHA256SUMS"), sums);
        System.setProperty(NamedIdxSource.CHECKSUMS_PROPERTY, file.toString());
        NamedIdxSource s = source(declared);
        assertEquals(12, s.load(s.defaultParams(), DataContext.of(null)).data().size(), "checked against the mirror's checksums");

        Files.writeString(file, sums + "not a checksum line\n");
        DataException e = assertThrows(DataException.class, s::checksums);
        assertEquals(file + ": line 7: expected a SHA-256 checksum (64 hex digits), spaces and a file name, as sha256sum writes them", e.getMessage());
    }

    @Test void aServerThatNeverAnswersFailsByItselfAfterTheReadTimeout() {
        behaviour.put(NamedIdxSource.FILES.get(0), "silent");
        System.setProperty(NamedIdxSource.READ_TIMEOUT_PROPERTY, "500");
        NamedIdxSource s = source(sha);
        DataException e = assertThrows(DataException.class, () -> s.load(s.defaultParams(), DataContext.of(null)));
        assertTrue(e.getMessage().endsWith("/sets/" + NamedIdxSource.FILES.get(0) + ": the server accepted the connection but sent no answer within 0.5 s; try again later"),
                e.getMessage());
        assertTrue(leftovers().isEmpty(), leftovers().toString());
    }

    @Test void timeoutsComeFromTheirPropertiesWithSafeDefaults() {
        assertEquals(30_000, NamedIdxSource.timeoutMillis(NamedIdxSource.READ_TIMEOUT_PROPERTY, 30_000), "unset");
        System.setProperty(NamedIdxSource.READ_TIMEOUT_PROPERTY, "250");
        assertEquals(250, NamedIdxSource.timeoutMillis(NamedIdxSource.READ_TIMEOUT_PROPERTY, 30_000));
        System.setProperty(NamedIdxSource.READ_TIMEOUT_PROPERTY, "soon");
        assertEquals(30_000, NamedIdxSource.timeoutMillis(NamedIdxSource.READ_TIMEOUT_PROPERTY, 30_000), "not a number");
        System.setProperty(NamedIdxSource.READ_TIMEOUT_PROPERTY, "0");
        assertEquals(30_000, NamedIdxSource.timeoutMillis(NamedIdxSource.READ_TIMEOUT_PROPERTY, 30_000), "0 would mean wait for ever");
    }

    @Test void aMissingFileSaysWhatTheServerAnswered() {
        behaviour.put(NamedIdxSource.FILES.get(2), "404");
        NamedIdxSource s = source(sha);
        DataException e = assertThrows(DataException.class, () -> s.load(s.defaultParams(), DataContext.of(null)));
        assertTrue(e.getMessage().endsWith("/sets/" + NamedIdxSource.FILES.get(2) + ": the server answered 404 (the file is not there)"), e.getMessage());
    }

    @Test void noServerAtAllGivesTheOfflineAdvice() throws Exception {
        int port = server.getAddress().getPort();
        server.stop(0);
        NamedIdxSource s = new NamedIdxSource("tiny", "Tiny", "test set", List.of(), URI.create("http://127.0.0.1:" + port + "/sets/"),
                dir.resolve("cache"), List.of(), sha);
        DataException e = assertThrows(DataException.class, () -> s.load(s.defaultParams(), DataContext.of(null)));
        assertTrue(e.getMessage().contains("cannot reach the server (no network?)") && e.getMessage().contains(dir.resolve("cache").toString()), e.getMessage());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    }

    private List<Path> leftovers() {
        try (var s = Files.list(dir.resolve("cache"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".part")).toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }
}
