package org.layerlab.compute.data;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.tensor.Tensor;

/**
 * A folder with one sub-folder per class, each holding PNG or JPEG pictures, decoded with javax.imageio, resized to
 * the chosen size and kept grey or in colour (channels × height × width, values 0…1). A picture that cannot be
 * decoded is named; a folder without classes or a class without pictures is refused.
 */
public final class ImageFolderSource implements DataSource {
    public static final String ID = "image-folder";

    private static final List<ParamSpec> PARAMS = List.of(
            SourceText.text("folder", "folder", ""),
            SourceText.integer("folder", "width", 28, 1, 1024),
            SourceText.integer("folder", "height", 28, 1, 1024),
            SourceText.choice("folder", "color", "grayscale", List.of("grayscale", "rgb")));

    @Override public String id() { return ID; }
    @Override public String displayName() { return SourceText.name(ID); }
    @Override public String description() { return SourceText.about(ID); }
    @Override public List<ParamSpec> params() { return PARAMS; }
    @Override public List<String> fileSettings() { return List.of("folder"); }
    @Override public Group group() { return Group.FILE; }
    @Override public Shape sampleShape(Params p) { return Shape.of(channels(p), p.getInt("height"), p.getInt("width")); }

    private static int channels(Params p) { return "rgb".equals(p.getString("color")) ? 3 : 1; }

    static boolean isImage(Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return !n.startsWith(".") && (n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg"));
    }

    @Override public LoadedData load(Params p, DataContext ctx) throws DataException {
        String name = p.getString("folder");
        if (name.isBlank()) throw new DataException(null, null, DataText.get("images.noFolder"));
        Path root = ctx.resolve(name);
        List<String> classes = new ArrayList<>();
        List<List<Path>> files = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path d : dirs.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().startsWith(".")).sorted().toList()) {
                List<Path> pics;
                try (Stream<Path> s = Files.list(d)) { pics = s.filter(Files::isRegularFile).filter(ImageFolderSource::isImage).sorted().toList(); }
                if (pics.isEmpty()) throw new DataException(d.toString(), null, DataText.get("images.emptyClass"));
                classes.add(d.getFileName().toString());
                files.add(pics);
            }
        } catch (NoSuchFileException | NotDirectoryException e) {
            throw new DataException(name, null, DataText.get("images.notFolder"));
        } catch (IOException e) {
            throw new DataException(name, null, DataText.get("file.cannotRead", e.getMessage()));
        }
        if (classes.isEmpty()) throw new DataException(name, null, DataText.get("images.noClasses"));
        if (classes.size() < 2) throw new DataException(name, null, DataText.get("images.oneClass", classes.get(0)));
        int w = p.getInt("width"), h = p.getInt("height"), c = channels(p);
        int n = files.stream().mapToInt(List::size).sum();
        long per = (long) c * h * w;
        ctx.reserve(name, n * per);
        float[] x = new float[(int) (n * per)];
        int[] labels = new int[n];
        int k = 0;
        for (int cls = 0; cls < classes.size(); cls++) {
            for (Path f : files.get(cls)) {
                ctx.checkCancelled(name);
                ctx.progress().update(name, k, n);
                BufferedImage img;
                try {
                    img = ImageIO.read(f.toFile());
                } catch (IOException | RuntimeException e) {
                    throw new DataException(f.toString(), null, DataText.get("images.cannotDecode", String.valueOf(e.getMessage())));
                }
                if (img == null) throw new DataException(f.toString(), null, DataText.get("images.cannotDecode", DataText.get("images.notPngJpeg")));
                pixels(img, w, h, c, x, (int) (k * per));
                labels[k++] = cls;
            }
        }
        ctx.progress().update(name, n, n);
        String title = root.getFileName() == null ? name : root.getFileName().toString();
        return LoadedData.of(new Dataset(title, new Tensor(Shape.of(n, c, h, w), x), labels, null, classes));
    }

    /** Resizes {@code img} to w×h (smoothly) and writes its channels, planar, scaled to 0…1. */
    static void pixels(BufferedImage img, int w, int h, int c, float[] out, int at) {
        BufferedImage scaled = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(img, 0, 0, w, h, null);
        g.dispose();
        int plane = w * h;
        for (int y = 0; y < h; y++) {
            for (int xx = 0; xx < w; xx++) {
                int rgb = scaled.getRGB(xx, y);
                float r = ((rgb >> 16) & 0xFF) / 255f, gr = ((rgb >> 8) & 0xFF) / 255f, b = (rgb & 0xFF) / 255f;
                int i = y * w + xx;
                if (c == 1) out[at + i] = 0.299f * r + 0.587f * gr + 0.114f * b;
                else { out[at + i] = r; out[at + plane + i] = gr; out[at + 2 * plane + i] = b; }
            }
        }
    }
}
