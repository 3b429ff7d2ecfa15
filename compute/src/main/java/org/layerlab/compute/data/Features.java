package org.layerlab.compute.data;

import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.tensor.Tensor;
import org.layerlab.compute.tensor.Workspace;

/**
 * The features of a data set's samples, with a leading sample axis, as the data set stores them: floats, or 8-bit
 * codes (image pixels) with the float each code stands for. Batches are always floats; codes are converted as a batch
 * is built, through the same table the loader would have used, so a batch holds the same floats to the bit either way.
 * Fashion-MNIST's 60,000 training images take 47 MB as codes instead of 188 MB as floats.
 */
public sealed interface Features permits Features.Floats, Features.Codes {
    Shape shape();

    /** The samples {@code order[from..to)} as a float tensor of shape (to − from, sample…). */
    Tensor rows(int[] order, int from, int to);

    /** The samples at {@code idx}, in that order, stored the same way. */
    Features subset(int[] idx);

    /** The same values with each sample reshaped (same size). */
    Features reshape(Shape s);

    /** Every value as floats: the stored tensor itself for {@link Floats}, a converted copy for {@link Codes}. */
    Tensor toTensor();

    /** The value at flat (row-major) index {@code i}, read where it is stored: no copy of the whole set. */
    float value(int i);

    /** Features held as a float tensor. */
    record Floats(Tensor x) implements Features {
        @Override public Shape shape() { return x.shape(); }
        @Override public Tensor rows(int[] order, int from, int to) { return x.rows(order, from, to); }
        @Override public Features subset(int[] idx) { return new Floats(x.rows(idx, 0, idx.length)); }
        @Override public Features reshape(Shape s) { return new Floats(x.reshape(s)); }
        @Override public Tensor toTensor() { return x; }
        @Override public float value(int i) { return x.data()[i]; }
    }

    /**
     * Features held as one byte per value; {@code table[code & 0xFF]} is the float a code stands for (for pixels
     * {@code i / 255f}). The arrays are shared, never written.
     */
    record Codes(Shape shape, byte[] codes, float[] table) implements Features {
        public Codes {
            if (codes.length != shape.size()) throw new IllegalArgumentException(codes.length + " codes do not match shape " + shape);
            if (table.length != 256) throw new IllegalArgumentException("a code table has 256 entries, not " + table.length);
        }

        @Override public Tensor rows(int[] order, int from, int to) {
            int row = rowSize();
            float[] out = Workspace.floatsUninitialised((to - from) * row);
            for (int i = from; i < to; i++) decode(order[i] * row, out, (i - from) * row, row);
            int[] dims = shape.dims();
            dims[0] = to - from;
            return new Tensor(Shape.of(dims), out);
        }

        @Override public Features subset(int[] idx) {
            int row = rowSize();
            byte[] out = new byte[idx.length * row];
            for (int i = 0; i < idx.length; i++) System.arraycopy(codes, idx[i] * row, out, i * row, row);
            int[] dims = shape.dims();
            dims[0] = idx.length;
            return new Codes(Shape.of(dims), out, table);
        }

        @Override public Features reshape(Shape s) { return new Codes(s, codes, table); }

        @Override public Tensor toTensor() {
            float[] out = new float[codes.length];
            decode(0, out, 0, codes.length);
            return new Tensor(shape, out);
        }

        @Override public float value(int i) { return table[codes[i] & 0xFF]; }

        private int rowSize() { return codes.length / shape.dim(0); }

        private void decode(int src, float[] dst, int at, int n) {
            for (int j = 0; j < n; j++) dst[at + j] = table[codes[src + j] & 0xFF];
        }
    }
}
