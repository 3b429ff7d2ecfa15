package org.layerlab.compute.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.layerlab.compute.text.BundleCheck;

/** Every bundle of this module has a Chinese twin with the same keys, and every text is a valid MessageFormat pattern. */
class BundlesTest {
    @Test void everyBundleIsCompleteInBothLanguages() throws Exception {
        assertEquals(List.of(), BundleCheck.problems(Path.of("src/main/resources")));
    }
}
