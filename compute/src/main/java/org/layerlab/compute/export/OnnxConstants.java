package org.layerlab.compute.export;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.layerlab.compute.export.onnx.OnnxProto.AttributeProto;
import org.layerlab.compute.export.onnx.OnnxProto.NodeProto;
import org.layerlab.compute.export.onnx.OnnxProto.TensorProto;

/**
 * Constant values met while importing (initialisers, Constant nodes) and the small evaluator that folds the shape
 * arithmetic exporters write around them (ConstantOfShape, Concat, Reshape, Slice, Transpose, Cast, Unsqueeze,
 * Squeeze, Gather) into plain constants. Every allocation is bounded by what the file holds or by {@link #MAX_FOLDED}.
 */
final class OnnxConstants {
    private OnnxConstants() {}

    /** The largest constant the evaluator makes from a small one (ConstantOfShape can ask for anything). */
    static final int MAX_FOLDED = 1 << 20;

    /** A problem with a constant; the importer adds the file and node. */
    static final class Problem extends Exception {
        Problem(String message) { super(message); }
    }

    /** A dense constant: dims and values as doubles (exact for float32 and for int64 up to 2^53), and whether it is integral. */
    record Const(long[] dims, double[] values, boolean integral) {
        int size() { return values.length; }
        int rank() { return dims.length; }

        long[] longs() {
            long[] l = new long[values.length];
            for (int i = 0; i < l.length; i++) l[i] = (long) values[i];
            return l;
        }

        float[] floats() {
            float[] f = new float[values.length];
            for (int i = 0; i < f.length; i++) f[i] = (float) values[i];
            return f;
        }

        int[] intDims() {
            int[] d = new int[dims.length];
            for (int i = 0; i < d.length; i++) d[i] = (int) dims[i];
            return d;
        }
    }

    static long product(long[] dims) throws Problem {
        long n = 1;
        for (long d : dims) {
            if (d < 0) throw new Problem("has a negative dimension " + d);
            n = Math.multiplyExact(n, d);
            if (n > Integer.MAX_VALUE) throw new Problem("is too large (" + n + "+ values)");
        }
        return n;
    }

    /** Reads a tensor, checking that its data really holds as many values as its dimensions say. */
    static Const read(TensorProto t) throws Problem {
        if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL || t.getExternalDataCount() > 0) {
            throw new Problem("keeps its data in an external file, which LayerLab does not read");
        }
        long[] dims = new long[t.getDimsCount()];
        for (int i = 0; i < dims.length; i++) dims[i] = t.getDims(i);
        int n = (int) product(dims);
        int type = t.getDataType();
        boolean raw = t.hasRawData();
        int width = switch (type) {
            case TensorProto.DataType.FLOAT_VALUE, TensorProto.DataType.INT32_VALUE -> 4;
            case TensorProto.DataType.INT64_VALUE, TensorProto.DataType.DOUBLE_VALUE -> 8;
            case TensorProto.DataType.BOOL_VALUE, TensorProto.DataType.INT8_VALUE, TensorProto.DataType.UINT8_VALUE -> 1;
            default -> throw new Problem("has data type " + type + " (LayerLab reads float, double, int8/32/64, uint8, bool)");
        };
        double[] v;
        if (raw) {
            int have = t.getRawData().size();
            if ((long) n * width != have) throw new Problem("declares " + n + " values but holds " + have + " bytes of data");
            v = new double[n];
            ByteBuffer b = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < n; i++) {
                v[i] = switch (type) {
                    case TensorProto.DataType.FLOAT_VALUE -> b.getFloat();
                    case TensorProto.DataType.INT32_VALUE -> b.getInt();
                    case TensorProto.DataType.INT64_VALUE -> b.getLong();
                    case TensorProto.DataType.DOUBLE_VALUE -> b.getDouble();
                    case TensorProto.DataType.UINT8_VALUE -> b.get() & 0xff;
                    default -> b.get();
                };
            }
        } else {
            int have = switch (type) {
                case TensorProto.DataType.FLOAT_VALUE -> t.getFloatDataCount();
                case TensorProto.DataType.INT64_VALUE -> t.getInt64DataCount();
                case TensorProto.DataType.DOUBLE_VALUE -> t.getDoubleDataCount();
                default -> t.getInt32DataCount();
            };
            if (have != n) throw new Problem("declares " + n + " values but holds " + have);
            v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = switch (type) {
                    case TensorProto.DataType.FLOAT_VALUE -> t.getFloatData(i);
                    case TensorProto.DataType.INT64_VALUE -> t.getInt64Data(i);
                    case TensorProto.DataType.DOUBLE_VALUE -> t.getDoubleData(i);
                    default -> t.getInt32Data(i);
                };
            }
        }
        boolean integral = type != TensorProto.DataType.FLOAT_VALUE && type != TensorProto.DataType.DOUBLE_VALUE;
        if (!integral) for (int i = 0; i < n; i++) v[i] = (float) v[i];
        return new Const(dims, v, integral);
    }

    /** The operators this class folds when all their inputs are constants. */
    static final List<String> FOLDABLE = List.of("Constant", "ConstantOfShape", "Concat", "Reshape", "Slice", "Transpose", "Cast",
            "Unsqueeze", "Squeeze", "Gather", "Identity");

    /** Evaluates node {@code n} on constant inputs (absent optional inputs are null). */
    static Const evaluate(NodeProto n, List<Const> in, int opset) throws Problem {
        switch (n.getOpType()) {
            case "Constant": {
                AttributeProto a = only(n);
                return switch (a.getName()) {
                    case "value" -> read(a.getT());
                    case "value_float" -> new Const(new long[0], new double[] {a.getF()}, false);
                    case "value_floats" -> vector(a.getFloatsList().stream().mapToDouble(Float::doubleValue).toArray(), false);
                    case "value_int" -> new Const(new long[0], new double[] {a.getI()}, true);
                    case "value_ints" -> vector(a.getIntsList().stream().mapToDouble(Long::doubleValue).toArray(), true);
                    default -> throw new Problem("has a constant of kind '" + a.getName() + "' that LayerLab does not read");
                };
            }
            case "Identity":
                return need(in, 0);
            case "ConstantOfShape": {
                long[] dims = need(in, 0).longs();
                long n2 = product(dims);
                if (n2 > MAX_FOLDED) throw new Problem("makes a constant of " + n2 + " values");
                double fill = 0;
                boolean integral = false;
                for (AttributeProto a : n.getAttributeList()) {
                    if (a.getName().equals("value")) {
                        Const c = read(a.getT());
                        if (c.size() != 1) throw new Problem("has a fill value of " + c.size() + " values");
                        fill = c.values()[0];
                        integral = c.integral();
                    }
                }
                double[] v = new double[(int) n2];
                java.util.Arrays.fill(v, fill);
                return new Const(dims, v, integral);
            }
            case "Cast":
                return need(in, 0);
            case "Concat": {
                long axis = intAttr(n, "axis", 0);
                Const first = need(in, 0);
                if (first.rank() != 1 || (axis != 0 && axis != -1)) throw new Problem("joins constants of rank " + first.rank() + " (only vectors are folded)");
                int total = 0;
                for (int i = 0; i < in.size(); i++) {
                    if (need(in, i).rank() != 1) throw new Problem("joins constants of different ranks");
                    total = Math.addExact(total, in.get(i).size());
                }
                if (total > MAX_FOLDED) throw new Problem("makes a constant of " + total + " values");
                double[] v = new double[total];
                int at = 0;
                for (Const c : in) { System.arraycopy(c.values(), 0, v, at, c.size()); at += c.size(); }
                return new Const(new long[] {total}, v, first.integral());
            }
            case "Reshape": {
                Const x = need(in, 0);
                long[] shape = need(in, 1).longs();
                return new Const(resolveShape(x.dims(), shape, x.size()), x.values(), x.integral());
            }
            case "Unsqueeze": {
                Const x = need(in, 0);
                long[] axes = opset >= 13 ? need(in, 1).longs() : intsAttr(n, "axes");
                int rank = x.rank() + axes.length;
                boolean[] added = new boolean[rank];
                for (long a : axes) {
                    int ax = (int) (a < 0 ? a + rank : a);
                    if (ax < 0 || ax >= rank || added[ax]) throw new Problem("has axis " + a + " out of range");
                    added[ax] = true;
                }
                long[] dims = new long[rank];
                for (int i = 0, j = 0; i < rank; i++) dims[i] = added[i] ? 1 : x.dims()[j++];
                return new Const(dims, x.values(), x.integral());
            }
            case "Squeeze": {
                Const x = need(in, 0);
                long[] axes = opset >= 13 ? (in.size() > 1 && in.get(1) != null ? in.get(1).longs() : null) : intsAttr(n, "axes");
                java.util.List<Long> dims = new java.util.ArrayList<>();
                for (int i = 0; i < x.rank(); i++) {
                    boolean drop = axes == null ? x.dims()[i] == 1 : contains(axes, i, x.rank());
                    if (drop && x.dims()[i] != 1) throw new Problem("squeezes axis " + i + " of size " + x.dims()[i]);
                    if (!drop) dims.add(x.dims()[i]);
                }
                return new Const(dims.stream().mapToLong(Long::longValue).toArray(), x.values(), x.integral());
            }
            case "Transpose": {
                Const x = need(in, 0);
                int r = x.rank();
                long[] perm = intsAttr(n, "perm");
                if (perm.length == 0) { perm = new long[r]; for (int i = 0; i < r; i++) perm[i] = r - 1 - i; }
                if (perm.length != r) throw new Problem("has a permutation of " + perm.length + " axes for a constant of rank " + r);
                boolean[] seen = new boolean[r];
                for (long p : perm) { if (p < 0 || p >= r || seen[(int) p]) throw new Problem("has an invalid permutation"); seen[(int) p] = true; }
                long[] od = new long[r];
                for (int i = 0; i < r; i++) od[i] = x.dims()[(int) perm[i]];
                long[] inStride = strides(x.dims());
                double[] v = new double[x.size()];
                long[] idx = new long[r];
                for (int o = 0; o < v.length; o++) {
                    long src = 0;
                    for (int i = 0; i < r; i++) src += idx[i] * inStride[(int) perm[i]];
                    v[o] = x.values()[(int) src];
                    for (int i = r - 1; i >= 0; i--) { if (++idx[i] < od[i]) break; idx[i] = 0; }
                }
                return new Const(od, v, x.integral());
            }
            case "Slice": {
                Const x = need(in, 0);
                if (x.rank() < 1) throw new Problem("slices a scalar");
                long[] starts = need(in, 1).longs(), ends = need(in, 2).longs();
                long[] axes = in.size() > 3 && in.get(3) != null ? in.get(3).longs() : null;
                long[] steps = in.size() > 4 && in.get(4) != null ? in.get(4).longs() : null;
                if (starts.length != 1 || ends.length != 1 || (axes != null && axes.length != 1) || (steps != null && steps.length != 1)) {
                    throw new Problem("slices several axes at once (only one is folded)");
                }
                int axis = (int) (axes == null ? 0 : axes[0] < 0 ? axes[0] + x.rank() : axes[0]);
                if (axis < 0 || axis >= x.rank()) throw new Problem("slices axis " + axis + " of a constant of rank " + x.rank());
                long step = steps == null ? 1 : steps[0];
                if (step == 0) throw new Problem("has step 0");
                long dim = x.dims()[axis];
                long s = clampIndex(starts[0], dim, step), e = clampIndex(ends[0], dim, step);
                java.util.List<Long> picks = new java.util.ArrayList<>();
                for (long i = s; step > 0 ? i < e : i > e; i += step) picks.add(i);
                long[] od = x.dims().clone();
                od[axis] = picks.size();
                long[] st = strides(x.dims());
                long outer = 1;
                for (int i = 0; i < axis; i++) outer *= x.dims()[i];
                long inner = st[axis];
                double[] v = new double[(int) (outer * picks.size() * inner)];
                int at = 0;
                for (long o = 0; o < outer; o++) {
                    for (long p : picks) {
                        for (long q = 0; q < inner; q++) v[at++] = x.values()[(int) (o * dim * inner + p * inner + q)];
                    }
                }
                return new Const(od, v, x.integral());
            }
            case "Gather": {
                Const x = need(in, 0), idx = need(in, 1);
                long axis = intAttr(n, "axis", 0);
                if (x.rank() != 1 || axis != 0) throw new Problem("gathers from a constant of rank " + x.rank() + " (only vectors are folded)");
                double[] v = new double[idx.size()];
                for (int i = 0; i < v.length; i++) {
                    long k = (long) idx.values()[i];
                    if (k < 0) k += x.size();
                    if (k < 0 || k >= x.size()) throw new Problem("gathers index " + (long) idx.values()[i] + " from " + x.size() + " values");
                    v[i] = x.values()[(int) k];
                }
                return new Const(idx.dims(), v, x.integral());
            }
            default:
                throw new Problem("cannot be folded");
        }
    }

    /** ONNX Reshape's target: 0 copies the input's dimension, −1 takes what is left. */
    static long[] resolveShape(long[] inDims, long[] shape, long size) throws Problem {
        long[] out = shape.clone();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == 0) {
                if (i >= inDims.length) throw new Problem("copies dimension " + i + " that the input lacks");
                out[i] = inDims[i];
            }
            if (out[i] == -1) {
                if (infer >= 0) throw new Problem("has two dimensions of −1");
                infer = i;
            } else if (out[i] < 0) {
                throw new Problem("has a negative dimension " + out[i]);
            } else {
                known = Math.multiplyExact(known, out[i]);
                if (known > Integer.MAX_VALUE) throw new Problem("is too large");
            }
        }
        if (infer >= 0) {
            if (known == 0 || size % known != 0) throw new Problem("cannot reshape " + size + " values into " + java.util.Arrays.toString(shape));
            out[infer] = size / known;
        } else if (known != size) {
            throw new Problem("cannot reshape " + size + " values into " + java.util.Arrays.toString(shape));
        }
        return out;
    }

    private static long clampIndex(long i, long dim, long step) {
        if (i < 0) i += dim;
        if (step > 0) return Math.max(0, Math.min(dim, i));
        return Math.max(-1, Math.min(dim - 1, i));
    }

    private static boolean contains(long[] axes, int i, int rank) {
        for (long a : axes) if ((a < 0 ? a + rank : a) == i) return true;
        return false;
    }

    private static long[] strides(long[] dims) {
        long[] s = new long[dims.length];
        long acc = 1;
        for (int i = dims.length - 1; i >= 0; i--) { s[i] = acc; acc *= dims[i]; }
        return s;
    }

    private static Const vector(double[] v, boolean integral) { return new Const(new long[] {v.length}, v, integral); }

    private static AttributeProto only(NodeProto n) throws Problem {
        if (n.getAttributeCount() != 1) throw new Problem("has " + n.getAttributeCount() + " attributes instead of one value");
        return n.getAttribute(0);
    }

    private static Const need(List<Const> in, int i) throws Problem {
        if (i >= in.size() || in.get(i) == null) throw new Problem("lacks input " + (i + 1));
        return in.get(i);
    }

    static long intAttr(NodeProto n, String name, long def) {
        for (AttributeProto a : n.getAttributeList()) if (a.getName().equals(name)) return a.getI();
        return def;
    }

    static long[] intsAttr(NodeProto n, String name) {
        for (AttributeProto a : n.getAttributeList()) {
            if (a.getName().equals(name)) return a.getIntsList().stream().mapToLong(Long::longValue).toArray();
        }
        return new long[0];
    }
}
