package org.layerlab.compute.tensor;

import java.util.Arrays;
import java.util.SplittableRandom;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.layerlab.compute.kernels.Vectors;

/** A dense, row-major float32 tensor. The data array is exposed to kernels on purpose: speed lives there. */
public final class Tensor {
    private final Shape shape;
    private final float[] data;

    public Tensor(Shape shape, float[] data) {
        if (data.length != shape.size()) {
            throw new IllegalArgumentException("data length " + data.length + " does not match shape " + shape);
        }
        this.shape = shape;
        this.data = data;
    }

    public static Tensor zeros(int... dims) {
        Shape s = Shape.of(dims);
        return new Tensor(s, Workspace.floats(s.size()));
    }

    public static Tensor zeros(Shape s) { return new Tensor(s, Workspace.floats(s.size())); }

    public static Tensor of(float[] data, int... dims) { return new Tensor(Shape.of(dims), data); }

    public static Tensor scalar(float v) { return new Tensor(Shape.of(1), new float[] {v}); }

    public static Tensor filled(Shape s, float v) {
        float[] d = new float[s.size()];
        Arrays.fill(d, v);
        return new Tensor(s, d);
    }

    /** Uniform in [-limit, limit), from a seeded generator. */
    public static Tensor uniform(Shape s, double limit, SplittableRandom rng) {
        float[] d = new float[s.size()];
        for (int i = 0; i < d.length; i++) d[i] = (float) ((rng.nextDouble() * 2 - 1) * limit);
        return new Tensor(s, d);
    }

    public Shape shape() { return shape; }
    public float[] data() { return data; }
    public int size() { return data.length; }
    public int dim(int axis) { return shape.dim(axis); }
    public int rank() { return shape.rank(); }

    /** Same data, another shape of the same size (no copy). */
    public Tensor reshape(Shape s) { return new Tensor(s, data); }

    public Tensor copy() { return new Tensor(shape, data.clone()); }

    public float get(int i) { return data[i]; }

    public float item() {
        if (data.length != 1) throw new IllegalStateException("item() on a tensor of shape " + shape);
        return data[0];
    }

    public void fill(float v) { Arrays.fill(data, v); }

    public void copyFrom(Tensor other) {
        if (!other.shape.equals(shape)) throw new IllegalArgumentException(other.shape + " into " + shape);
        System.arraycopy(other.data, 0, data, 0, data.length);
    }

    /**
     * True when no value is NaN or infinite: v·0 is zero for every finite v and NaN otherwise, so the sum of the
     * products is zero exactly when all are finite. Four independent vector sums: the divergence guard reads every
     * gradient each step, and a scalar max over the exponent bits (one dependent chain the JIT did not vectorise) was
     * 17 % of an MLP's training step (Fashion-MNIST, 2 Dec 2026).
     */
    public boolean allFinite() {
        VectorSpecies<Float> s = Vectors.FLOAT;
        int lanes = s.length(), i = 0;
        FloatVector a0 = FloatVector.zero(s), a1 = a0, a2 = a0, a3 = a0;
        for (int bound = data.length - 4 * lanes; i <= bound; i += 4 * lanes) {
            a0 = a0.add(FloatVector.fromArray(s, data, i).mul(0f));
            a1 = a1.add(FloatVector.fromArray(s, data, i + lanes).mul(0f));
            a2 = a2.add(FloatVector.fromArray(s, data, i + 2 * lanes).mul(0f));
            a3 = a3.add(FloatVector.fromArray(s, data, i + 3 * lanes).mul(0f));
        }
        float sum = i == 0 ? 0f : a0.add(a1).add(a2.add(a3)).reduceLanes(VectorOperators.ADD);
        for (; i < data.length; i++) sum += data[i] * 0f;
        return sum == 0f;
    }

    /** Rows {@code from..to} of the leading axis, copied. */
    public Tensor rows(int[] indices, int from, int to) {
        int row = data.length / shape.dim(0);
        int[] dims = shape.dims();
        dims[0] = to - from;
        float[] out = Workspace.floatsUninitialised((to - from) * row);
        for (int i = from; i < to; i++) System.arraycopy(data, indices[i] * row, out, (i - from) * row, row);
        return new Tensor(Shape.of(dims), out);
    }

    @Override public String toString() {
        return "Tensor" + shape + (data.length <= 16 ? Arrays.toString(data) : "");
    }
}
