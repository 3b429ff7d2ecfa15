package org.layerlab.compute.layers;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;

/** Lets tests in other packages read the committed PyTorch fixtures with the same helpers and tolerance. */
public final class TorchReferenceAccess {
    private TorchReferenceAccess() {}

    public static JsonNode doc() throws IOException { return TorchReferenceTest.doc(); }

    public static List<JsonNode> list(JsonNode array) { return TorchReferenceTest.list(array); }

    public static float[] floats(JsonNode array) { return TorchReferenceTest.floats(array); }

    public static void close(String what, float[] expected, float[] actual, double tol) { TorchReferenceTest.close(what, expected, actual, tol); }
}
