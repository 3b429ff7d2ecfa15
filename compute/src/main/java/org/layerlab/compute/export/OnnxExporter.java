package org.layerlab.compute.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.layerlab.compute.export.onnx.OnnxProto.AttributeProto;
import org.layerlab.compute.export.onnx.OnnxProto.GraphProto;
import org.layerlab.compute.export.onnx.OnnxProto.ModelProto;
import org.layerlab.compute.export.onnx.OnnxProto.NodeProto;
import org.layerlab.compute.export.onnx.OnnxProto.OperatorSetIdProto;
import org.layerlab.compute.export.onnx.OnnxProto.StringStringEntryProto;
import org.layerlab.compute.export.onnx.OnnxProto.TensorProto;
import org.layerlab.compute.export.onnx.OnnxProto.TensorShapeProto;
import org.layerlab.compute.export.onnx.OnnxProto.TypeProto;
import org.layerlab.compute.export.onnx.OnnxProto.ValueInfoProto;
import org.layerlab.compute.export.spec.OnnxNodes;
import org.layerlab.compute.graph.Edge;
import org.layerlab.compute.graph.GraphAnalysis;
import org.layerlab.compute.graph.GraphException;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.Node;
import org.layerlab.compute.graph.NodeInfo;
import org.layerlab.compute.graph.ShapeInference;
import org.layerlab.compute.layers.LayerType;
import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.tensor.Tensor;

/**
 * Writes a trained model as an ONNX file: opset {@value #OPSET} (IR version {@value #IR_VERSION}), a dynamic batch
 * axis, the Input and output layers' names as the graph's input and output, class names and LayerLab's version in
 * metadata. Each layer writes its own operators ({@link LayerType#toOnnx}); this class only assembles them.
 */
public final class OnnxExporter {
    private OnnxExporter() {}

    public static final int OPSET = 17;
    /** The IR version that goes with opset 17 (ONNX 1.12). */
    public static final int IR_VERSION = 8;
    public static final String BATCH = "batch";

    /** Metadata keys LayerLab writes. */
    public static final String META_CLASSES = "layerlab.classes";
    public static final String META_LAYERS = "layerlab.layers";
    public static final String META_NORMALIZATION = "layerlab.normalization";
    public static final String META_VERSION = "layerlab.version";

    /** @param normalization the data set's normalisation to fold in as leading nodes, or null to take normalised features */
    public record Options(FeatureScaling normalization) {
        public static Options plain() { return new Options(null); }
    }

    /** Writes {@code model} to {@code file} atomically (temporary file, fsync, rename). */
    public static void write(TrainedModel model, Options options, Path file) throws IOException {
        byte[] bytes = toModel(model, options).toByteArray();
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
                out.write(bytes);
                out.flush();
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The ONNX model of a valid graph with its trained tensors. */
    public static ModelProto toModel(TrainedModel model, Options options) {
        ModelGraph graph = model.graph();
        GraphAnalysis analysis = ShapeInference.analyze(graph);
        if (!analysis.valid()) throw new GraphException("the network has errors: " + String.join("; ", analysis.errors()));
        List<Node> order = graph.topologicalOrder();
        Node input = order.stream().filter(n -> graph.typeOf(n.id()).arity().max() == 0).reduce((a, b) -> {
            throw new GraphException("the network needs exactly one Input layer");
        }).orElseThrow(() -> new GraphException("the network needs an Input layer"));
        Node output = order.stream().filter(n -> graph.outputsOf(n.id()).isEmpty()).reduce((a, b) -> {
            throw new GraphException("the network needs exactly one output");
        }).orElseThrow();

        Builder b = new Builder(model.tensors());
        String inputName = b.unique(input.name());
        String outputName = b.unique(output.name());
        Shape inShape = analysis.info(input.id()).outputShape();
        b.graph.addInput(valueInfo(inputName, inShape));

        String raw = inputName;
        if (options.normalization() != null) {
            FeatureScaling f = options.normalization();
            long[] dims = toLongs(f.broadcastDims(inShape));
            b.layer = "normalization";
            raw = b.op("Add", List.of(b.op("Mul", List.of(inputName, b.constant("normalization/scale", f.scale(), dims))),
                    b.constant("normalization/shift", f.shift(), dims)));
        }

        Map<String, String> values = new LinkedHashMap<>();
        for (Node n : order) {
            NodeInfo info = analysis.info(n.id());
            List<String> ins = n.id().equals(input.id()) ? List.of(raw)
                    : graph.inputsOf(n.id()).stream().map(Edge::from).map(values::get).toList();
            b.layer = n.id();
            LayerType type = graph.typeOf(n.id());
            values.put(n.id(), type.toOnnx(b, ins, info.inputShapes(), n.params()));
        }
        b.finishOutput(values.get(output.id()), outputName);
        b.graph.addOutput(valueInfo(outputName, analysis.info(output.id()).outputShape()));
        b.graph.setName(graphName(graph));
        for (String k : model.tensors().keySet()) {
            if (!b.usedTensors.contains(k)) throw new IllegalArgumentException("the weights have '" + k + "' that no layer exports");
        }

        ModelProto.Builder m = ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName("LayerLab")
                .setProducerVersion(LayerLabVersion.get())
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(b.graph);
        meta(m, META_VERSION, LayerLabVersion.get());
        meta(m, META_CLASSES, json(model.classNames()));
        meta(m, META_LAYERS, json(layout(graph)));
        if (options.normalization() != null) meta(m, META_NORMALIZATION, "leading Mul and Add nodes (raw features in)");
        return m.build();
    }

    private static String graphName(ModelGraph g) { return "layerlab"; }

    /** Display names, canvas positions and settings of the layers, so a round trip gives back the same document. */
    private static Map<String, Object> layout(ModelGraph graph) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Node n : graph.nodes()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("type", n.type());
            e.put("name", n.name());
            e.put("x", n.x());
            e.put("y", n.y());
            e.put("params", n.params().asMap());
            m.put(n.id(), e);
        }
        return m;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void meta(ModelProto.Builder m, String key, String value) {
        m.addMetadataProps(StringStringEntryProto.newBuilder().setKey(key).setValue(value));
    }

    static ValueInfoProto valueInfo(String name, Shape sample) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(BATCH));
        for (int d : sample.dims()) shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape))).build();
    }

    static long[] toLongs(int[] dims) {
        long[] l = new long[dims.length];
        for (int i = 0; i < dims.length; i++) l[i] = dims[i];
        return l;
    }

    static TensorProto floatTensor(String name, float[] values, long[] dims) {
        ByteBuffer buf = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(values);
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE)
                .setRawData(ByteString.copyFrom(buf.array()));
        for (long d : dims) t.addDims(d);
        return t.build();
    }

    /** Collects the nodes and initialisers the layers write; names nodes after their layer ("dense-1", "dense-1/Relu"). */
    private static final class Builder implements OnnxNodes {
        final GraphProto.Builder graph = GraphProto.newBuilder();
        final Map<String, Tensor> tensors;
        final Set<String> names = new HashSet<>();
        final Set<String> usedTensors = new HashSet<>();
        String layer;
        int constants;

        Builder(Map<String, Tensor> tensors) {
            this.tensors = tensors;
            names.addAll(tensors.keySet());
        }

        String unique(String base) {
            String n = base;
            for (int i = 2; !names.add(n); i++) n = base + "_" + i;
            return n;
        }

        @Override public String op(String opType, List<String> inputs, Attr... attributes) {
            boolean first = graph.getNodeList().stream().noneMatch(nd -> nd.getName().equals(layer));
            String name = unique(first ? layer : layer + "/" + opType);
            NodeProto.Builder n = NodeProto.newBuilder().setName(name).setOpType(opType).addAllInput(inputs).addOutput(name);
            for (Attr a : attributes) n.addAttribute(attribute(a));
            graph.addNode(n);
            return name;
        }

        @Override public String tensor(String name) {
            String key = layer + "/" + name;
            Tensor t = tensors.get(key);
            if (t == null) throw new IllegalArgumentException("the weights lack '" + key + "'");
            if (usedTensors.add(key)) graph.addInitializer(floatTensor(key, t.data(), toLongs(t.shape().dims())));
            return key;
        }

        @Override public String int64s(long... values) {
            String name = unique(layer + "/const" + constants++);
            TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64_VALUE)
                    .addDims(values.length);
            for (long v : values) t.addInt64Data(v);
            graph.addInitializer(t);
            return name;
        }

        @Override public String floats(float[] values, long... dims) {
            return constant(layer + "/const" + constants++, values, dims);
        }

        String constant(String base, float[] values, long[] dims) {
            String name = unique(base);
            graph.addInitializer(floatTensor(name, values, dims));
            return name;
        }

        /** Gives the network's last value the output's name (an Identity when it is not a node's output). */
        void finishOutput(String value, String outputName) {
            for (int i = graph.getNodeCount() - 1; i >= 0; i--) {
                NodeProto n = graph.getNode(i);
                if (n.getOutputCount() > 0 && n.getOutput(0).equals(value)) {
                    boolean usedElsewhere = graph.getNodeList().stream().anyMatch(x -> x.getInputList().contains(value));
                    if (!usedElsewhere) {
                        graph.setNode(i, n.toBuilder().setOutput(0, outputName));
                        return;
                    }
                }
            }
            graph.addNode(NodeProto.newBuilder().setName(unique(layer + "/Identity")).setOpType("Identity").addInput(value).addOutput(outputName));
        }

        private static AttributeProto attribute(Attr a) {
            AttributeProto.Builder b = AttributeProto.newBuilder().setName(a.name());
            Object v = a.value();
            if (v instanceof Long l) b.setType(AttributeProto.AttributeType.INT).setI(l);
            else if (v instanceof Integer i) b.setType(AttributeProto.AttributeType.INT).setI(i);
            else if (v instanceof Float f) b.setType(AttributeProto.AttributeType.FLOAT).setF(f);
            else if (v instanceof long[] ls) {
                b.setType(AttributeProto.AttributeType.INTS);
                for (long l : ls) b.addInts(l);
            } else if (v instanceof String s) b.setType(AttributeProto.AttributeType.STRING).setS(ByteString.copyFromUtf8(s));
            else throw new IllegalArgumentException("attribute '" + a.name() + "' has a value of unsupported kind " + v);
            return b.build();
        }
    }
}
