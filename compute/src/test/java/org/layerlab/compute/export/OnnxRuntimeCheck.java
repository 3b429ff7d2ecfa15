package org.layerlab.compute.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.SplittableRandom;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.tensor.Tensor;

/** Runs an ONNX model in ONNX Runtime and compares it with LayerLab's own inference (shared by the export tests). */
public final class OnnxRuntimeCheck {
    private OnnxRuntimeCheck() {}

    public static final double TOLERANCE = 1e-4;

    /** Runs {@code onnx} on {@code x} (batch first) and returns the flat output and its shape. */
    public static Tensor run(byte[] onnx, Tensor x) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
            o.setIntraOpNumThreads(1);
            try (OrtSession s = env.createSession(onnx, o);
                 OnnxTensor in = OnnxTensor.createTensor(env, FloatBuffer.wrap(x.data()), toLongs(x.shape()));
                 OrtSession.Result r = s.run(Map.of(s.getInputNames().iterator().next(), in))) {
                OnnxTensor out = (OnnxTensor) r.get(0);
                long[] dims = out.getInfo().getShape();
                FloatBuffer fb = out.getFloatBuffer();
                float[] v = new float[fb.remaining()];
                fb.get(v);
                int[] d = new int[dims.length];
                for (int i = 0; i < dims.length; i++) d[i] = (int) dims[i];
                return new Tensor(Shape.of(d), v);
            }
        }
    }

    /** The largest absolute difference between ONNX Runtime and LayerLab over random batches of several sizes; asserts the bound. */
    public static double compare(String what, byte[] onnx, CompiledNetwork net, FeatureScaling scaling, long seed) throws OrtException {
        double worst = 0;
        for (int batch : new int[] {1, 3, 17}) {
            Tensor raw = Tensor.uniform(net.inputShape().withBatch(batch), 2, new SplittableRandom(seed + batch));
            Tensor x = raw.copy();
            if (scaling != null) scaling.apply(x.data(), net.inputShape());
            Tensor expected = net.predict(x);
            Tensor actual = run(onnx, raw);
            assertArrayEquals(expected.shape().dims(), actual.shape().dims(), what + ": output shape at batch " + batch);
            for (int i = 0; i < expected.size(); i++) worst = Math.max(worst, Math.abs(expected.get(i) - actual.get(i)));
        }
        assertTrue(worst <= TOLERANCE, what + ": ONNX Runtime differs from LayerLab by " + worst);
        return worst;
    }

    private static long[] toLongs(Shape s) {
        long[] l = new long[s.rank()];
        for (int i = 0; i < l.length; i++) l[i] = s.dim(i);
        return l;
    }
}
