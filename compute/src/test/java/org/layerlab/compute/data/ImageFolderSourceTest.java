package org.layerlab.compute.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.tensor.Shape;

class ImageFolderSourceTest {
    @TempDir Path dir;

    private static void picture(Path file, Color c, String format) throws Exception {
        BufferedImage img = new BufferedImage(10, 6, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 6; y++) for (int x = 0; x < 10; x++) img.setRGB(x, y, c.getRGB());
        Files.createDirectories(file.getParent());
        assertTrue(ImageIO.write(img, format, file.toFile()));
    }

    private Params settings(Object... kv) throws Exception {
        Map<String, Object> m = new java.util.HashMap<>();
        m.put("folder", "pics");
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return Params.of(DataSources.IMAGE_FOLDER.params(), m);
    }

    @Test void oneSubFolderPerClassBecomesResizedGreyOrColourImages() throws Exception {
        picture(dir.resolve("pics/red/a.png"), Color.RED, "png");
        picture(dir.resolve("pics/red/b.jpg"), Color.RED, "jpg");
        picture(dir.resolve("pics/white/c.png"), Color.WHITE, "png");
        Files.writeString(dir.resolve("pics/white/notes.txt"), "not a picture, ignored");
        Dataset grey = DataSources.IMAGE_FOLDER.load(settings("width", 4, "height", 3), DataContext.of(dir)).data();
        assertEquals(Shape.of(1, 3, 4), grey.sampleShape());
        assertEquals(List.of("red", "white"), grey.classNames());
        assertArrayEquals(new int[] {0, 0, 1}, grey.labels());
        assertEquals(0.299, grey.x().get(0), 0.01, "red in grey is its luminance");
        assertEquals(1.0, grey.x().get(2 * 12), 1e-6);
        Dataset rgb = DataSources.IMAGE_FOLDER.load(settings("width", 4, "height", 3, "color", "rgb"), DataContext.of(dir)).data();
        assertEquals(Shape.of(3, 3, 4), rgb.sampleShape());
        assertEquals(1.0, rgb.x().get(0), 1e-6);
        assertEquals(0.0, rgb.x().get(12), 1e-6, "the green plane of a red picture");
    }

    @Test void aPictureThatCannotBeDecodedIsNamedAndEmptyClassesAreRefused() throws Exception {
        picture(dir.resolve("pics/a/1.png"), Color.RED, "png");
        Files.createDirectories(dir.resolve("pics/b"));
        DataException empty = assertThrows(DataException.class, () -> DataSources.IMAGE_FOLDER.load(settings(), DataContext.of(dir)));
        assertEquals(dir.resolve("pics/b") + ": this class folder has no PNG or JPEG pictures", empty.getMessage());
        Files.write(dir.resolve("pics/b/broken.png"), new byte[] {1, 2, 3, 4});
        DataException broken = assertThrows(DataException.class, () -> DataSources.IMAGE_FOLDER.load(settings(), DataContext.of(dir)));
        assertTrue(broken.getMessage().startsWith(dir.resolve("pics/b/broken.png") + ": cannot decode this picture"), broken.getMessage());
        Files.createDirectories(dir.resolve("none"));
        DataException noClasses = assertThrows(DataException.class, () -> DataSources.IMAGE_FOLDER.load(settings("folder", "none"), DataContext.of(dir)));
        assertTrue(noClasses.getMessage().startsWith("none: no class folders"), noClasses.getMessage());
    }

    @Test void aBundledSetOutsideLayerLabsSamplesSaysWhereItShips() {
        // compute's own tests do not have the sample-projects resources on their class path
        DataException e = assertThrows(DataException.class, () -> BundledSource.IRIS.load(BundledSource.IRIS.defaultParams(), DataContext.of(null)));
        assertTrue(e.getMessage().contains("not on the class path"), e.getMessage());
    }
}
