package org.layerlab.compute.tensor;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * An immutable tensor shape. Layer shapes describe one sample (no batch axis); images are C×H×W,
 * the layout PyTorch and ONNX use, so exports need no transposes.
 */
public final class Shape {
    private final int[] dims;
    private final int size;

    private Shape(int[] dims) {
        long n = 1;
        for (int d : dims) {
            if (d <= 0) throw new IllegalArgumentException("shape dimensions must be positive: " + Arrays.toString(dims));
            n *= d;
            // Checked per factor: a product of ints stays exact in a long until it passes Integer.MAX_VALUE.
            if (n > Integer.MAX_VALUE) throw new TooLargeException(dims);
        }
        this.dims = dims;
        this.size = (int) n;
    }

    /**
     * A shape with more elements than one float array can hold (2^31 − 1). An IllegalArgumentException, so every
     * caller that reports bad sizes reports this one too; shape inference turns it into the layer's error.
     */
    public static final class TooLargeException extends IllegalArgumentException {
        private final int[] dims;

        TooLargeException(int[] dims) {
            super(Arrays.stream(dims).mapToObj(Integer::toString).collect(Collectors.joining("×"))
                    + " holds more numbers than one tensor can (2,147,483,647)");
            this.dims = dims.clone();
        }

        /** The element count the shape would have, exactly (it may exceed a long only past 2^63, saturating). */
        public double elements() {
            double n = 1;
            for (int d : dims) n *= d;
            return n;
        }
    }

    /** Numbers in a tensor of these dimensions, in a long, without creating the shape (no overflow below 2^63). */
    public static long elements(int... dims) {
        long n = 1;
        for (int d : dims) {
            if (d <= 0) return 0;
            n = n > Long.MAX_VALUE / d ? Long.MAX_VALUE : n * d;
        }
        return n;
    }

    public static Shape of(int... dims) {
        return new Shape(dims.clone());
    }

    public int rank() { return dims.length; }

    public int dim(int axis) { return dims[axis < 0 ? dims.length + axis : axis]; }

    public int[] dims() { return dims.clone(); }

    /** Number of elements. */
    public int size() { return size; }

    /** This shape with a leading batch axis of the given size. */
    public Shape withBatch(int batch) {
        int[] d = new int[dims.length + 1];
        d[0] = batch;
        System.arraycopy(dims, 0, d, 1, dims.length);
        return new Shape(d);
    }

    /** This shape without its leading (batch) axis. */
    public Shape dropFirst() {
        return new Shape(Arrays.copyOfRange(dims, 1, dims.length));
    }

    @Override public boolean equals(Object o) {
        return o instanceof Shape s && Arrays.equals(dims, s.dims);
    }

    @Override public int hashCode() { return Arrays.hashCode(dims); }

    /** Display form used on the canvas and in messages, e.g. {@code 1×28×28}. */
    @Override public String toString() {
        return dims.length == 0 ? "scalar" : Arrays.stream(dims).mapToObj(Integer::toString).collect(Collectors.joining("×"));
    }
}
