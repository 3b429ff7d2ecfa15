package org.layerlab.compute.autodiff;

import java.util.Arrays;
import org.layerlab.compute.tensor.Tensor;

/** A row-major float64 tensor for the {@link Reference} implementation; deliberately nothing but dimensions and values. */
public record Tensor64(int[] dims, double[] values) {
    public Tensor64 {
        if (sizeOf(dims) != values.length) throw new IllegalArgumentException(values.length + " values for dimensions " + Arrays.toString(dims));
    }

    public static Tensor64 zeros(int... dims) { return new Tensor64(dims.clone(), new double[sizeOf(dims)]); }

    public static Tensor64 scalar(double v) { return new Tensor64(new int[] {1}, new double[] {v}); }

    /** The engine's float32 tensor widened exactly to float64 (a copy). */
    public static Tensor64 of(Tensor t) {
        float[] d = t.data();
        double[] v = new double[d.length];
        for (int i = 0; i < d.length; i++) v[i] = d[i];
        return new Tensor64(t.shape().dims(), v);
    }

    public static Tensor64 of(float[] values, int... dims) {
        double[] v = new double[values.length];
        for (int i = 0; i < v.length; i++) v[i] = values[i];
        return new Tensor64(dims.clone(), v);
    }

    public int size() { return values.length; }
    public int rank() { return dims.length; }
    public int dim(int axis) { return dims[axis < 0 ? dims.length + axis : axis]; }

    public Tensor64 copy() { return new Tensor64(dims.clone(), values.clone()); }

    /** The multi-index of flat element {@code i}, e.g. {@code [1,0,2,3]}, for messages. */
    public String indexOf(int i) {
        int[] at = new int[dims.length];
        for (int a = dims.length - 1; a >= 0; a--) { at[a] = i % dims[a]; i /= dims[a]; }
        return Arrays.toString(at).replace(" ", "");
    }

    private static int sizeOf(int[] dims) {
        int n = 1;
        for (int d : dims) n *= d;
        return n;
    }

    @Override public String toString() { return "Tensor64" + Arrays.toString(dims); }
}
