package org.layerlab.compute.export.spec;

import java.util.List;

/**
 * What a layer or activation writes into an ONNX graph: standard operators only. Each catalog entry declares its
 * nodes through this builder next to its shape rule; the ONNX exporter implements it (protobuf stays out of the
 * catalog). Values are named by strings, as in ONNX.
 */
public interface OnnxNodes {
    /** Adds one node of a standard ONNX operator (default domain) and returns the name of its output. */
    String op(String opType, List<String> inputs, Attr... attributes);

    /** The layer's own trained tensor (a parameter or buffer, e.g. "kernel"), as an initialiser; returns its name. */
    String tensor(String name);

    /** A constant int64 vector (shapes, axes), as an initialiser. */
    String int64s(long... values);

    /** A constant float tensor of the given dimensions, as an initialiser (scalars: no dimensions). */
    String floats(float[] values, long... dims);

    /** One node attribute: an int ({@code Long}), a float ({@code Float}), ints ({@code long[]}) or a string. */
    record Attr(String name, Object value) {
        public static Attr i(String name, long v) { return new Attr(name, v); }
        public static Attr f(String name, float v) { return new Attr(name, v); }
        public static Attr ints(String name, long... v) { return new Attr(name, v.clone()); }
        public static Attr s(String name, String v) { return new Attr(name, v); }
    }
}
