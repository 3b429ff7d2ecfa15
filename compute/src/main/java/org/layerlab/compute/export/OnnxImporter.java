package org.layerlab.compute.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.layerlab.compute.catalog.InvalidParamException;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.export.OnnxConstants.Const;
import org.layerlab.compute.export.OnnxConstants.Problem;
import org.layerlab.compute.export.onnx.OnnxProto.AttributeProto;
import org.layerlab.compute.export.onnx.OnnxProto.GraphProto;
import org.layerlab.compute.export.onnx.OnnxProto.ModelProto;
import org.layerlab.compute.export.onnx.OnnxProto.NodeProto;
import org.layerlab.compute.export.onnx.OnnxProto.OperatorSetIdProto;
import org.layerlab.compute.export.onnx.OnnxProto.StringStringEntryProto;
import org.layerlab.compute.export.onnx.OnnxProto.TensorProto;
import org.layerlab.compute.export.onnx.OnnxProto.TensorShapeProto;
import org.layerlab.compute.export.onnx.OnnxProto.ValueInfoProto;
import org.layerlab.compute.graph.Edge;
import org.layerlab.compute.graph.GraphAnalysis;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.Node;
import org.layerlab.compute.graph.ShapeInference;
import org.layerlab.compute.layers.FeatureInputsLayer;
import org.layerlab.compute.layers.LayerType;
import org.layerlab.compute.layers.LayerTypes;
import org.layerlab.compute.layers.ShapeException;
import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.tensor.Tensor;
import org.layerlab.compute.text.Messages;

/**
 * Reads an ONNX model into a LayerLab graph with its weights. Operator patterns fold back into catalog layers where
 * that is exact (Gemm → Relu is one Dense with ReLU; Pad → Conv one Conv2D with 'same' or a ZeroPadding2D in front;
 * the erf form of GELU one GELU); constant sub-graphs (shape arithmetic) fold into constants. Anything else is refused
 * by operator and node, before anything is made: an import either gives a whole model or LayerLab's error.
 */
public final class OnnxImporter {
    private OnnxImporter() {}

    private static final Messages TEXT = Messages.of("org.layerlab.compute.i18n.onnx", OnnxImporter.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Files larger than this are refused before reading (LayerLab's networks are far smaller). */
    public static final long MAX_FILE_BYTES = 1L << 30;

    /** Operators that import (besides the constant arithmetic of {@link OnnxConstants#FOLDABLE}). */
    public static final List<String> SUPPORTED = List.of("Gemm", "MatMul", "Add", "Conv", "Pad", "MaxPool", "AveragePool",
            "GlobalAveragePool", "BatchNormalization", "LayerNormalization", "Flatten", "Reshape", "Concat", "Dropout", "Identity",
            "Relu", "Tanh", "Sigmoid", "LeakyRelu", "Elu", "Softmax", "Gelu", "Erf", "Div", "Mul", "Slice", "Sin");

    /** The imported model and, when the file folded a normalisation in front (a LayerLab export), that normalisation. */
    public record Result(TrainedModel model, FeatureScaling normalization) {}

    public static Result read(Path file) throws IOException, OnnxImportException {
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) throw new OnnxImportException(TEXT.get("tooLarge", file.getFileName(), size));
        return parse(Files.readAllBytes(file), file.getFileName().toString());
    }

    /** Imports the ONNX model in {@code bytes}; {@code fileName} names it in messages. */
    public static Result parse(byte[] bytes, String fileName) throws OnnxImportException {
        ModelProto model;
        try {
            model = ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new OnnxImportException(TEXT.get("notOnnx", fileName, e.getMessage()));
        }
        try {
            return new Import(fileName, model).run();
        } catch (Problem p) {
            throw new OnnxImportException(fileName + ": " + p.getMessage());
        } catch (ArithmeticException | IndexOutOfBoundsException | IllegalArgumentException | IllegalStateException e) {
            // defensive: a consistency check of the graph or tensors below failed on a malformed file
            throw new OnnxImportException(fileName + ": " + e.getMessage());
        }
    }

    /** A computed (non-constant) value: the layer making it, its LayerLab shape and its ONNX shape per sample. */
    private record Value(String layer, Shape shape, int[] onnxDims, int[] pendingPads, String padSource) {
        Value(String layer, Shape shape) { this(layer, shape, shape.dims(), null, null); }
    }

    /** One import: the state while nodes fold into layers. */
    private static final class Import {
        final String file;
        final ModelProto model;
        final GraphProto g;
        int opset = -1;
        final Map<String, Const> consts = new HashMap<>();
        final Map<String, Value> values = new HashMap<>();
        /** Columns of a 2-D point and features made of them, on their way to the Concat that makes a Feature inputs layer. */
        final Map<String, PlaneTerm> planeTerms = new HashMap<>();
        final Map<String, Integer> uses = new HashMap<>();
        final Set<NodeProto> done = new HashSet<>();
        final List<Node> nodes = new ArrayList<>();
        final List<Edge> edges = new ArrayList<>();
        final Map<String, Tensor> tensors = new LinkedHashMap<>();
        final Map<String, JsonNode> layout = new LinkedHashMap<>();
        final Set<String> ids = new HashSet<>(), names = new HashSet<>();
        final Map<String, Integer> addInputs = new HashMap<>();
        List<String> classes = List.of();
        boolean normalizationMarked;
        FeatureScaling normalization;
        String outputName;
        long folded;
        final long foldBudget;

        Import(String file, ModelProto model) {
            this.file = file;
            this.model = model;
            this.g = model.getGraph();
            this.foldBudget = Math.max(OnnxConstants.MAX_FOLDED, model.getSerializedSize());
        }

        Problem at(NodeProto n, String what) {
            return new Problem(TEXT.get("atNode", n.getOpType(), n.getName().isEmpty() ? "#" + g.getNodeList().indexOf(n) : n.getName(), what));
        }

        Result run() throws Problem {
            if (!model.hasGraph()) throw new Problem(TEXT.get("noGraph"));
            for (OperatorSetIdProto o : model.getOpsetImportList()) if (o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx")) opset = (int) o.getVersion();
            if (opset < 0) opset = model.getOpsetImportCount() == 0 ? 1 : -1;
            if (opset < 7) throw new Problem(TEXT.get("opset", opset));
            readMetadata();
            refuseUnsupported();
            for (TensorProto t : g.getInitializerList()) {
                try {
                    consts.put(t.getName(), OnnxConstants.read(t));
                } catch (Problem p) {
                    throw new Problem(TEXT.get("initializer", t.getName(), p.getMessage()));
                }
            }
            for (NodeProto n : g.getNodeList()) for (String i : n.getInputList()) if (!i.isEmpty()) uses.merge(i, 1, Integer::sum);
            foldConstants();
            if (g.getOutputCount() != 1) throw new Problem(TEXT.get("outputs", g.getOutputCount()));
            outputName = g.getOutput(0).getName();
            uses.merge(outputName, 1, Integer::sum);
            input();
            for (NodeProto n : g.getNodeList()) {
                if (done.contains(n)) continue;
                done.add(n);
                convert(n);
            }
            Value out = values.get(outputName);
            if (out == null) throw new Problem(TEXT.get("outputNotComputed", outputName));
            materialize(out);
            return finish();
        }

        /** Evaluates every node that depends on constants alone, wherever it stands, so patterns can read them. */
        void foldConstants() throws Problem {
            for (NodeProto n : g.getNodeList()) {
                if (!OnnxConstants.FOLDABLE.contains(n.getOpType())) continue;
                boolean allConst = true;
                for (String i : n.getInputList()) if (!i.isEmpty() && !consts.containsKey(i)) allConst = false;
                if (allConst) {
                    done.add(n);
                    convert(n);
                }
            }
        }

        void readMetadata() {
            ObjectMapper json = JSON;
            for (StringStringEntryProto e : model.getMetadataPropsList()) {
                try {
                    switch (e.getKey()) {
                        case OnnxExporter.META_LAYERS -> {
                            JsonNode m = json.readTree(e.getValue());
                            if (m != null && m.isObject()) m.fields().forEachRemaining(f -> { if (f.getValue().isObject()) layout.put(f.getKey(), f.getValue()); });
                        }
                        case OnnxExporter.META_CLASSES -> {
                            JsonNode m = json.readTree(e.getValue());
                            if (m != null && m.isArray()) {
                                List<String> c = new ArrayList<>();
                                m.forEach(x -> c.add(x.asText()));
                                classes = c;
                            }
                        }
                        case OnnxExporter.META_NORMALIZATION -> normalizationMarked = true;
                        default -> { }
                    }
                } catch (IOException ignored) {
                    // metadata LayerLab cannot read only loses names and positions; the graph itself still imports
                }
            }
        }

        void refuseUnsupported() throws Problem {
            Map<String, String> bad = new LinkedHashMap<>();
            for (NodeProto n : g.getNodeList()) {
                String op = n.getOpType();
                boolean std = n.getDomain().isEmpty() || n.getDomain().equals("ai.onnx");
                if (!std) bad.putIfAbsent(n.getDomain() + "." + op, nodeName(n));
                else if (!SUPPORTED.contains(op) && !OnnxConstants.FOLDABLE.contains(op)) bad.putIfAbsent(op, nodeName(n));
            }
            if (!bad.isEmpty()) {
                List<String> parts = new ArrayList<>();
                bad.forEach((op, node) -> parts.add(TEXT.get("opAtNode", op, node)));
                throw new Problem(TEXT.get("unsupported", String.join(", ", parts), bad.size(), String.join(", ", SUPPORTED)));
            }
        }

        String nodeName(NodeProto n) { return n.getName().isEmpty() ? "#" + g.getNodeList().indexOf(n) : n.getName(); }

        void input() throws Problem {
            Set<String> init = new HashSet<>();
            for (TensorProto t : g.getInitializerList()) init.add(t.getName());
            List<ValueInfoProto> ins = g.getInputList().stream().filter(v -> !init.contains(v.getName())).toList();
            if (ins.size() != 1) throw new Problem(TEXT.get("inputs", ins.size()));
            ValueInfoProto in = ins.get(0);
            if (!in.getType().hasTensorType() || in.getType().getTensorType().getElemType() != TensorProto.DataType.FLOAT_VALUE) {
                throw new Problem(TEXT.get("inputType", in.getName()));
            }
            TensorShapeProto s = in.getType().getTensorType().getShape();
            if (s.getDimCount() < 2) throw new Problem(TEXT.get("inputShape", in.getName(), s.getDimCount()));
            int[] dims = new int[s.getDimCount() - 1];
            for (int i = 1; i < s.getDimCount(); i++) {
                TensorShapeProto.Dimension d = s.getDim(i);
                if (!d.hasDimValue() || d.getDimValue() < 1 || d.getDimValue() > 1 << 24) throw new Problem(TEXT.get("inputShape", in.getName(), s.getDimCount()));
                dims[i - 1] = (int) d.getDimValue();
            }
            List<Integer> shape = new ArrayList<>();
            for (int d : dims) shape.add(d);
            String id = null, name = in.getName();
            for (Map.Entry<String, JsonNode> e : layout.entrySet()) {
                if (e.getValue().path("type").asText().equals("input") && e.getValue().path("name").asText().equals(in.getName())) id = e.getKey();
            }
            String layer = addLayer(id, name, "input", Map.of("shape", shape), List.of(), Map.of(), null);
            Value v = new Value(layer, Shape.of(dims));
            values.put(in.getName(), v);
            if (normalizationMarked) leadingNormalization(in.getName(), v);
        }

        /** A LayerLab export's folded normalisation: Mul by a constant then Add a constant, right after the input. */
        void leadingNormalization(String input, Value v) throws Problem {
            NodeProto mul = soleConsumer(input), add = mul == null ? null : soleConsumer(out(mul));
            if (mul == null || add == null || !mul.getOpType().equals("Mul") || !add.getOpType().equals("Add")) return;
            Const scale = consts.get(mul.getInput(1)), shift = consts.get(add.getInput(1));
            if (scale == null || shift == null || scale.size() != shift.size() || !mul.getInput(0).equals(input) || !add.getInput(0).equals(out(mul))) return;
            normalization = new FeatureScaling(scale.floats(), shift.floats());
            try {
                normalization.broadcastDims(v.shape());
            } catch (IllegalArgumentException e) {
                throw at(mul, e.getMessage());
            }
            done.add(mul);
            done.add(add);
            values.put(out(add), v);
        }

        static String out(NodeProto n) { return n.getOutputCount() == 0 ? "" : n.getOutput(0); }

        /** The one node reading {@code value}, when exactly one does and it is not the graph's output. */
        NodeProto soleConsumer(String value) {
            if (uses.getOrDefault(value, 0) != 1 || value.equals(outputName)) return null;
            for (NodeProto n : g.getNodeList()) if (!done.contains(n) && n.getInputList().contains(value)) return n;
            return null;
        }

        Const constIn(NodeProto n, int i) { return i < n.getInputCount() && !n.getInput(i).isEmpty() ? consts.get(n.getInput(i)) : null; }

        Const needConst(NodeProto n, int i, String what) throws Problem {
            Const c = constIn(n, i);
            if (c == null) throw at(n, TEXT.get("needsConstant", i + 1, what));
            return c;
        }

        /** The computed value of input {@code i}, laid out as ONNX has it (pending padding and reshapes made into layers). */
        Value in(NodeProto n, int i) throws Problem { return materialize(rawIn(n, i)); }

        Value rawIn(NodeProto n, int i) throws Problem {
            if (i >= n.getInputCount() || n.getInput(i).isEmpty()) throw at(n, TEXT.get("missingInput", i + 1));
            Value v = values.get(n.getInput(i));
            if (v == null) {
                if (consts.containsKey(n.getInput(i))) throw at(n, TEXT.get("constantInput", i + 1));
                throw at(n, TEXT.get("undefined", n.getInput(i)));
            }
            return v;
        }

        Value materialize(Value v) throws Problem {
            if (v.pendingPads() != null) {
                int[] p = v.pendingPads();
                Value base = new Value(v.layer(), v.shape(), v.onnxDims(), null, null);
                base = materialize(base);
                String id = addLayer(null, v.padSource(), "zeropad2d", Map.of("top", p[0], "left", p[1], "bottom", p[2], "right", p[3]),
                        List.of(base), Map.of(), null);
                return new Value(id, shapeOf(id));
            }
            if (!java.util.Arrays.equals(v.shape().dims(), v.onnxDims())) {
                List<Integer> dims = new ArrayList<>();
                for (int d : v.onnxDims()) dims.add(d);
                String id = addLayer(null, null, "reshape", Map.of("shape", dims), List.of(v), Map.of(), null);
                return new Value(id, shapeOf(id));
            }
            return v;
        }

        final Map<String, Shape> shapes = new HashMap<>();

        Shape shapeOf(String id) { return shapes.get(id); }

        /**
         * Adds a layer fed by {@code inputs}; returns its id. A LayerLab export's own id, name, position and settings
         * are taken from its metadata when they describe a layer of the same kind and shape.
         */
        String addLayer(String wantedId, String onnxName, String type, Map<String, Object> params, List<Value> inputs,
                        Map<String, Tensor> weights, NodeProto src) throws Problem {
            LayerType t = LayerTypes.CATALOG.get(type);
            Params p;
            try {
                p = Params.of(t.params(), params);
            } catch (InvalidParamException e) {
                throw src == null ? new Problem(e.getMessage()) : at(src, t.displayName() + " " + e.getMessage());
            }
            List<Shape> inShapes = inputs.stream().map(Value::shape).toList();
            Shape out;
            try {
                out = t.outputShape(inShapes, p);
            } catch (ShapeException e) {
                throw src == null ? new Problem(t.displayName() + " " + e.getMessage()) : at(src, t.displayName() + " " + e.getMessage());
            }
            String id = wantedId;
            JsonNode meta = id == null ? null : layout.get(id);
            if (id == null || ids.contains(id) || meta == null) {
                id = null;
                if (src != null && layout.containsKey(src.getName()) && !ids.contains(src.getName())) {
                    id = src.getName();
                    meta = layout.get(id);
                }
            }
            String name = null;
            double x = 0, y = 0;
            if (id != null && meta != null && meta.path("type").asText().equals(type)) {
                name = meta.path("name").asText(null);
                x = meta.path("x").asDouble();
                y = meta.path("y").asDouble();
                Params saved = savedParams(t, meta.path("params"));
                if (saved != null) {
                    try {
                        if (t.outputShape(inShapes, saved).equals(out)) p = saved;
                    } catch (ShapeException ignored) {
                        // the settings do not fit the folded layer: keep what the operators say
                    }
                }
            } else if (id != null && meta != null) {
                id = null;
            }
            if (id == null) {
                for (int i = 1; ; i++) if (!ids.contains(type + "-" + i)) { id = type + "-" + i; break; }
            }
            if (name == null) name = displayName(onnxName, t.displayName());
            ids.add(id);
            names.add(name);
            nodes.add(new Node(id, type, name, p, x, y));
            for (int i = 0; i < inputs.size(); i++) edges.add(new Edge(inputs.get(i).layer(), id, i));
            for (Map.Entry<String, Tensor> w : weights.entrySet()) tensors.put(id + "/" + w.getKey(), w.getValue());
            shapes.put(id, out);
            return id;
        }

        Params savedParams(LayerType t, JsonNode params) {
            if (!params.isObject()) return null;
            try {
                Map<String, Object> m = JSON.convertValue(params, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {});
                return Params.of(t.params(), m);
            } catch (InvalidParamException | IllegalArgumentException e) {
                return null;
            }
        }

        /** A readable, unique name: PyTorch's module path ("features.0") when the node has one, else "Conv2D 2". */
        String displayName(String onnxName, String base) {
            String n = null;
            if (onnxName != null && !onnxName.isBlank()) {
                String[] parts = onnxName.replaceAll("^/+", "").split("/");
                n = parts.length >= 2 ? parts[parts.length - 2] : parts[0];
                if (n.isBlank()) n = null;
            }
            if (n != null && names.contains(n)) n = null;
            if (n == null) for (int i = 1; ; i++) if (!names.contains(base + " " + i)) return base + " " + i;
            return n;
        }

        /** Whether the activation node {@code act} may fold into layer {@code layer} (a LayerLab export says which nodes are one layer). */
        boolean foldable(String layer, NodeProto act) {
            if (layout.isEmpty()) return true;
            return act.getName().startsWith(layer + "/");
        }

        // ---- operators --------------------------------------------------------------------------------------

        void convert(NodeProto n) throws Problem {
            String op = n.getOpType();
            boolean allConst = true;
            for (String i : n.getInputList()) if (!i.isEmpty() && !consts.containsKey(i)) allConst = false;
            if (allConst && OnnxConstants.FOLDABLE.contains(op)) {
                if (n.getOutputCount() != 1) throw at(n, TEXT.get("outputsOfNode", n.getOutputCount()));
                List<Const> in = new ArrayList<>();
                for (String i : n.getInputList()) in.add(i.isEmpty() ? null : consts.get(i));
                Const c;
                try {
                    c = OnnxConstants.evaluate(n, in, opset);
                } catch (Problem p) {
                    throw at(n, p.getMessage());
                }
                // Constants made from constants may not add up to more than the file itself could hold.
                folded += c.size();
                if (folded > foldBudget) throw at(n, TEXT.get("foldBudget", foldBudget));
                consts.put(out(n), c);
                return;
            }
            if (n.getOutputCount() < 1 || out(n).isEmpty()) throw at(n, TEXT.get("outputsOfNode", 0));
            if (values.containsKey(out(n)) || consts.containsKey(out(n))) throw at(n, TEXT.get("redefined", out(n)));
            if (planeTerm(n)) return;
            switch (op) {
                case "Gemm" -> gemm(n);
                case "MatMul" -> matmul(n);
                case "Conv" -> conv(n);
                case "Pad" -> pad(n);
                case "MaxPool", "AveragePool" -> pool(n);
                case "GlobalAveragePool" -> {
                    Value x = in(n, 0);
                    if (x.shape().rank() != 3) throw at(n, TEXT.get("needsImage", x.shape()));
                    String id = addLayer(null, n.getName(), "globalavgpool2d", Map.of(), List.of(x), Map.of(), n);
                    values.put(out(n), new Value(id, shapeOf(id), new int[] {x.shape().dim(0), 1, 1}, null, null));
                }
                case "Flatten" -> flatten(n);
                case "Reshape" -> reshape(n);
                case "Add" -> add(n);
                case "Concat" -> concat(n);
                case "BatchNormalization" -> batchNorm(n);
                case "LayerNormalization" -> layerNorm(n);
                case "Dropout" -> dropout(n);
                case "Identity" -> {
                    Value x = rawIn(n, 0);
                    JsonNode meta = layout.get(n.getName());
                    if (meta != null && meta.path("type").asText().equals("activation")) {
                        String id = addLayer(null, n.getName(), "activation", Map.of("activation", "linear"), List.of(in(n, 0)), Map.of(), n);
                        values.put(out(n), new Value(id, shapeOf(id)));
                    } else {
                        values.put(out(n), x);
                    }
                }
                default -> {
                    Activation a = activation(n);
                    if (a == null) throw at(n, TEXT.get("notHere"));
                    Value x = in(n, 0);
                    String id = addLayer(null, n.getName(), "activation", Map.of("activation", a.id), List.of(x), Map.of(), n);
                    a.nodes.forEach(done::add);
                    values.put(a.output, new Value(id, shapeOf(id)));
                }
            }
        }

        /**
         * A feature of the 2-D point {@code source}: {@code op} ("" for a column itself) over its {@code columns};
         * {@code first} is the node that began it (a Feature inputs export names its first Slice after the layer).
         */
        record PlaneTerm(Value source, String op, int[] columns, NodeProto first) {}

        /**
         * Reads Feature inputs as LayerLab exports them: Slice takes a column of a [N, 2] value, Mul and Sin make
         * features of columns, and the Concat of features is the layer. Returns false for nodes that are no part of it.
         */
        boolean planeTerm(NodeProto n) throws Problem {
            String op = n.getOpType();
            List<PlaneTerm> terms = new ArrayList<>();
            for (String i : n.getInputList()) if (planeTerms.containsKey(i)) terms.add(planeTerms.get(i));
            if (op.equals("Slice")) {
                planeTerms.put(out(n), column(n));
                return true;
            }
            if (terms.isEmpty()) return false;
            if (terms.size() != n.getInputCount()) throw at(n, TEXT.get("featureMixed"));
            Value source = terms.get(0).source();
            for (PlaneTerm t : terms) if (!t.source().layer().equals(source.layer())) throw at(n, TEXT.get("featureMixed"));
            switch (op) {
                case "Identity" -> planeTerms.put(out(n), terms.get(0));
                case "Mul", "Sin" -> {
                    int[] cols = new int[terms.size()];
                    for (int i = 0; i < cols.length; i++) {
                        if (!terms.get(i).op().isEmpty()) throw at(n, TEXT.get("featureNotHere"));
                        cols[i] = terms.get(i).columns()[0];
                    }
                    if (FeatureInputsLayer.settingOf(op, cols) == null) throw at(n, TEXT.get("featureNotHere"));
                    planeTerms.put(out(n), new PlaneTerm(source, op, cols, terms.get(0).first()));
                }
                case "Concat" -> {
                    long axis = OnnxConstants.intAttr(n, "axis", 1);
                    if (axis != 1 && axis != -1) throw at(n, TEXT.get("concatAxis", axis));
                    List<String> features = new ArrayList<>();
                    for (PlaneTerm t : terms) features.add(FeatureInputsLayer.settingOf(t.op(), t.columns()));
                    Map<String, Object> settings = FeatureInputsLayer.settingsChoosing(features);
                    if (settings == null) throw at(n, TEXT.get("featureOrder"));
                    // The layer's own node is the first Slice of its export, whichever column the first feature reads.
                    NodeProto first = terms.stream().map(PlaneTerm::first).min(java.util.Comparator.comparingInt(g.getNodeList()::indexOf)).orElseThrow();
                    String id = addLayer(first.getName(), n.getName(), "features", settings, List.of(source), Map.of(), n);
                    values.put(out(n), new Value(id, shapeOf(id)));
                }
                default -> throw at(n, TEXT.get("featureNotHere"));
            }
            return true;
        }

        /** A Slice taking one column (x₁ or x₂) of a [N, 2] value: starts [c], ends [c + 1], along axis 1, step 1. */
        PlaneTerm column(NodeProto n) throws Problem {
            Value x = in(n, 0);
            if (x.shape().rank() != 1 || x.shape().dim(0) != 2) throw at(n, TEXT.get("sliceNotColumn"));
            long[] starts = needConst(n, 1, "starts").longs(), ends = needConst(n, 2, "ends").longs();
            long[] axes = constIn(n, 3) == null ? new long[] {1} : constIn(n, 3).longs();
            long[] steps = constIn(n, 4) == null ? new long[] {1} : constIn(n, 4).longs();
            boolean one = starts.length == 1 && ends.length == 1 && axes.length == 1 && steps.length == 1;
            if (!one || (axes[0] != 1 && axes[0] != -1) || steps[0] != 1 || starts[0] < 0 || starts[0] > 1 || ends[0] != starts[0] + 1) {
                throw at(n, TEXT.get("sliceNotColumn"));
            }
            return new PlaneTerm(x, "", new int[] {(int) starts[0]}, n);
        }

        /** An activation recognised from {@code first} on: its id, the nodes it spans and its output. */
        record Activation(String id, List<NodeProto> nodes, String output) {}

        Activation activation(NodeProto first) throws Problem {
            String op = first.getOpType();
            String x = first.getInputCount() > 0 ? first.getInput(0) : "";
            switch (op) {
                case "Relu": return new Activation("relu", List.of(first), out(first));
                case "Tanh": return new Activation("tanh", List.of(first), out(first));
                case "Sigmoid": {
                    NodeProto mul = soleConsumer(out(first));
                    if (mul != null && mul.getOpType().equals("Mul") && mul.getInputCount() == 2 && mul.getInputList().contains(x)
                            && mul.getInputList().contains(out(first)) && uses.getOrDefault(x, 0) >= 2) {
                        return new Activation("silu", List.of(first, mul), out(mul));
                    }
                    return new Activation("sigmoid", List.of(first), out(first));
                }
                case "LeakyRelu": {
                    float alpha = floatAttr(first, "alpha", 0.01f);
                    if (Math.abs(alpha - 0.01f) > 1e-7) throw at(first, TEXT.get("leakySlope", alpha));
                    return new Activation("leaky-relu", List.of(first), out(first));
                }
                case "Elu": {
                    float alpha = floatAttr(first, "alpha", 1f);
                    if (Math.abs(alpha - 1f) > 1e-7) throw at(first, TEXT.get("eluAlpha", alpha));
                    return new Activation("elu", List.of(first), out(first));
                }
                case "Gelu": {
                    for (AttributeProto a : first.getAttributeList()) {
                        if (a.getName().equals("approximate") && !a.getS().toStringUtf8().equals("none")) throw at(first, TEXT.get("geluTanh"));
                    }
                    return new Activation("gelu", List.of(first), out(first));
                }
                case "Softmax": {
                    Value v = values.get(x);
                    int rank = v == null ? 2 : v.onnxDims().length + 1;
                    long axis = OnnxConstants.intAttr(first, "axis", opset >= 13 ? -1 : 1);
                    if (axis < 0) axis += rank;
                    if (axis != rank - 1) throw at(first, TEXT.get("softmaxAxis", axis));
                    return new Activation("softmax", List.of(first), out(first));
                }
                case "Div", "Mul": return gelu(first);
                default: return null;
            }
        }

        /** GELU written out: x·½(1 + erf(x/√2)), as PyTorch (Div by √2) and LayerLab (Mul by 1/√2) export it. */
        Activation gelu(NodeProto first) {
            if (first.getInputCount() != 2) return null;
            String x = first.getInput(0);
            Const c = consts.get(first.getInput(1));
            if (c == null || c.size() != 1) return null;
            double k = c.values()[0];
            boolean ok = first.getOpType().equals("Div") ? Math.abs(k - Math.sqrt(2)) < 1e-5 : Math.abs(k - 1 / Math.sqrt(2)) < 1e-6;
            if (!ok) return null;
            NodeProto erf = soleConsumer(out(first));
            if (erf == null || !erf.getOpType().equals("Erf")) return null;
            NodeProto add = soleConsumer(out(erf));
            if (add == null || !add.getOpType().equals("Add") || !isScalar(otherInput(add, out(erf)), 1)) return null;
            NodeProto m1 = soleConsumer(out(add));
            if (m1 == null || !m1.getOpType().equals("Mul")) return null;
            NodeProto m2 = soleConsumer(out(m1));
            if (m2 == null || !m2.getOpType().equals("Mul")) return null;
            String o1 = otherInput(m1, out(add)), o2 = otherInput(m2, out(m1));
            boolean torchOrder = x.equals(o1) && isScalar(o2, 0.5);
            boolean layerlabOrder = isScalar(o1, 0.5) && x.equals(o2);
            if (!torchOrder && !layerlabOrder) return null;
            return new Activation("gelu", List.of(first, erf, add, m1, m2), out(m2));
        }

        String otherInput(NodeProto n, String one) {
            if (n.getInputCount() != 2) return null;
            if (n.getInput(0).equals(one)) return n.getInput(1);
            if (n.getInput(1).equals(one)) return n.getInput(0);
            return null;
        }

        boolean isScalar(String name, double v) {
            Const c = name == null ? null : consts.get(name);
            return c != null && c.size() == 1 && Math.abs(c.values()[0] - v) < 1e-6;
        }

        /** Folds an activation after layer {@code layer} (made from node {@code n}); returns its id, or "linear", and records the output. */
        String foldActivation(NodeProto n, String value, String layer) throws Problem {
            if (value.equals(outputName)) return "linear";
            List<NodeProto> readers = new ArrayList<>();
            for (NodeProto r : g.getNodeList()) if (!done.contains(r) && r.getInputList().contains(value)) readers.add(r);
            if (readers.isEmpty() || !foldable(layer, readers.get(0))) return "linear";
            Activation a = activation(readers.get(0));
            // every reader of the value must belong to the activation (GELU and SiLU read it twice)
            if (a == null || !a.nodes.containsAll(readers)) return "linear";
            a.nodes.forEach(done::add);
            pendingOutput = a.output;
            return a.id;
        }

        String pendingOutput;

        /** Adds a Dense (or, as the network's last layer, an Output head) with the activation that follows it, if any. */
        void dense(NodeProto n, Value x, Tensor kernel, Tensor bias, String value) throws Problem {
            int units = kernel.shape().dim(1);
            if (kernel.shape().dim(0) != x.shape().size() || x.shape().rank() != 1) throw at(n, TEXT.get("denseInput", x.shape(), kernel.shape().dim(0)));
            String provisional = n.getName();
            pendingOutput = value;
            String act = foldActivation(n, value, provisional);
            String output = pendingOutput;
            JsonNode meta = layout.get(n.getName());
            boolean head = act.equals("linear") && output.equals(outputName) && (meta == null ? layout.isEmpty() : meta.path("type").asText().equals("output"));
            Map<String, Tensor> w = new LinkedHashMap<>();
            w.put("kernel", kernel);
            String id;
            if (head) {
                w.put("bias", bias != null ? bias : Tensor.zeros(units));
                id = addLayer(null, n.getName(), "output", Map.of("units", units, "loss", units >= 2 ? "softmax-cross-entropy" : "mse"), List.of(x), w, n);
            } else {
                if (bias != null) w.put("bias", bias);
                id = addLayer(null, n.getName(), "dense", Map.of("units", units, "activation", act, "useBias", bias != null), List.of(x), w, n);
            }
            values.put(output, new Value(id, shapeOf(id)));
        }

        void gemm(NodeProto n) throws Problem {
            Value x = in(n, 0);
            Const b = needConst(n, 1, "weights");
            Const c = constIn(n, 2);
            if (OnnxConstants.intAttr(n, "transA", 0) != 0) throw at(n, TEXT.get("transA"));
            if (b.rank() != 2) throw at(n, TEXT.get("weightsRank", b.rank()));
            float alpha = floatAttr(n, "alpha", 1f), beta = floatAttr(n, "beta", 1f);
            boolean transB = OnnxConstants.intAttr(n, "transB", 0) != 0;
            int in = (int) (transB ? b.dims()[1] : b.dims()[0]), units = (int) (transB ? b.dims()[0] : b.dims()[1]);
            float[] k = new float[in * units];
            for (int i = 0; i < in; i++) {
                for (int u = 0; u < units; u++) k[i * units + u] = alpha * (float) b.values()[transB ? u * in + i : i * units + u];
            }
            Tensor bias = c == null ? null : biasOf(n, c, units, beta);
            dense(n, x, Tensor.of(k, in, units), bias, out(n));
        }

        Tensor biasOf(NodeProto n, Const c, int units, float scale) throws Problem {
            float[] v = new float[units];
            if (c.size() == units) for (int i = 0; i < units; i++) v[i] = scale * (float) c.values()[i];
            else if (c.size() == 1) java.util.Arrays.fill(v, scale * (float) c.values()[0]);
            else throw at(n, TEXT.get("biasSize", c.size(), units));
            return Tensor.of(v, units);
        }

        void matmul(NodeProto n) throws Problem {
            Value x = in(n, 0);
            Const b = needConst(n, 1, "weights");
            if (b.rank() != 2) throw at(n, TEXT.get("weightsRank", b.rank()));
            int units = (int) b.dims()[1];
            Tensor kernel = Tensor.of(b.floats(), (int) b.dims()[0], units);
            Tensor bias = null;
            String value = out(n);
            NodeProto add = soleConsumer(value);
            if (add != null && add.getOpType().equals("Add") && (layout.isEmpty() || add.getName().startsWith(n.getName() + "/"))) {
                Const c = consts.get(otherInput(add, value));
                if (c != null && (c.size() == units || c.size() == 1)) {
                    bias = biasOf(add, c, units, 1f);
                    done.add(add);
                    value = out(add);
                }
            }
            dense(n, x, kernel, bias, value);
        }

        void conv(NodeProto n) throws Problem {
            Value raw = rawIn(n, 0);
            Const w = needConst(n, 1, "filters");
            Const b = constIn(n, 2);
            if (w.rank() != 4) throw at(n, TEXT.get("conv2d", w.rank()));
            if (OnnxConstants.intAttr(n, "group", 1) != 1) throw at(n, TEXT.get("groups", OnnxConstants.intAttr(n, "group", 1)));
            int f = (int) w.dims()[0], kh = (int) w.dims()[2], kw = (int) w.dims()[3];
            if (kh != kw) throw at(n, TEXT.get("square", kh, kw));
            int stride = equalPair(n, "strides", 1), dilation = equalPair(n, "dilations", 1);
            Value base = raw.pendingPads() != null ? materialize(new Value(raw.layer(), raw.shape(), raw.onnxDims(), null, null)) : materialize(raw);
            if (base.shape().rank() != 3) throw at(n, TEXT.get("needsImage", base.shape()));
            if (w.dims()[1] != base.shape().dim(0)) throw at(n, TEXT.get("channels", w.dims()[1], base.shape().dim(0)));
            int[] pads = pads(n, base.shape(), kh, stride, dilation);
            if (raw.pendingPads() != null) for (int i = 0; i < 4; i++) pads[i] += raw.pendingPads()[i];
            String padding = padding(base.shape(), pads, kh, stride, dilation);
            Value x = base;
            if (padding == null) {
                x = new Value(base.layer(), base.shape(), base.onnxDims(), new int[] {pads[0], pads[1], pads[2], pads[3]},
                        raw.padSource() != null ? raw.padSource() : n.getName());
                x = materialize(x);
                padding = "valid";
            }
            Map<String, Tensor> weights = new LinkedHashMap<>();
            weights.put("kernel", new Tensor(Shape.of(f, (int) w.dims()[1], kh, kw), w.floats()));
            if (b != null) weights.put("bias", biasOf(n, b, f, 1f));
            pendingOutput = out(n);
            String act = foldActivation(n, out(n), n.getName());
            String output = pendingOutput;
            String id = addLayer(null, n.getName(), "conv2d", Map.of("filters", f, "kernel", kh, "stride", stride, "dilation", dilation,
                    "padding", padding, "activation", act, "useBias", b != null), List.of(x), weights, n);
            values.put(output, new Value(id, shapeOf(id)));
        }

        /** 'valid' for no padding, 'same' when the pads are LayerLab's 'same' for this input, else null (pad explicitly). */
        static String padding(Shape in, int[] pads, int k, int stride, int dilation) {
            if (pads[0] == 0 && pads[1] == 0 && pads[2] == 0 && pads[3] == 0) return "valid";
            var win = org.layerlab.compute.autodiff.ConvOps.Window.of(in.dim(1), in.dim(2), k, k, stride, dilation, true);
            int ek = dilation * (k - 1) + 1;
            int ph = Math.max(0, (win.outH() - 1) * stride + ek - in.dim(1)), pw = Math.max(0, (win.outW() - 1) * stride + ek - in.dim(2));
            int[] same = {win.padTop(), win.padLeft(), ph - win.padTop(), pw - win.padLeft()};
            return java.util.Arrays.equals(same, pads) ? "same" : null;
        }

        /** A node's pads as top, left, bottom, right, from auto_pad or the pads attribute. */
        int[] pads(NodeProto n, Shape in, int k, int stride, int dilation) throws Problem {
            String auto = "NOTSET";
            for (AttributeProto a : n.getAttributeList()) if (a.getName().equals("auto_pad")) auto = a.getS().toStringUtf8();
            switch (auto) {
                case "NOTSET", "" -> {
                    long[] p = OnnxConstants.intsAttr(n, "pads");
                    if (p.length == 0) return new int[4];
                    if (p.length != 4) throw at(n, TEXT.get("padsCount", p.length));
                    int[] r = new int[4];
                    for (int i = 0; i < 4; i++) {
                        if (p[i] < 0 || p[i] > 64) throw at(n, TEXT.get("padsRange", p[i]));
                        r[i] = (int) p[i];
                    }
                    return r;
                }
                case "VALID" -> { return new int[4]; }
                case "SAME_UPPER" -> {
                    var win = org.layerlab.compute.autodiff.ConvOps.Window.of(in.dim(1), in.dim(2), k, k, stride, dilation, true);
                    int ek = dilation * (k - 1) + 1;
                    int ph = Math.max(0, (win.outH() - 1) * stride + ek - in.dim(1)), pw = Math.max(0, (win.outW() - 1) * stride + ek - in.dim(2));
                    return new int[] {win.padTop(), win.padLeft(), ph - win.padTop(), pw - win.padLeft()};
                }
                default -> throw at(n, TEXT.get("autoPad", auto));
            }
        }

        int equalPair(NodeProto n, String attr, int def) throws Problem {
            long[] v = OnnxConstants.intsAttr(n, attr);
            if (v.length == 0) return def;
            if (v.length != 2 || v[0] != v[1]) throw at(n, TEXT.get("pair", attr, java.util.Arrays.toString(v)));
            if (v[0] < 1 || v[0] > 16) throw at(n, TEXT.get("pairRange", attr, v[0]));
            return (int) v[0];
        }

        void pad(NodeProto n) throws Problem {
            Value x = in(n, 0);
            String mode = "constant";
            for (AttributeProto a : n.getAttributeList()) if (a.getName().equals("mode")) mode = a.getS().toStringUtf8();
            if (!mode.equals("constant")) throw at(n, TEXT.get("padMode", mode));
            long[] p;
            double value;
            if (opset >= 11) {
                p = needConst(n, 1, "pads").longs();
                Const v = constIn(n, 2);
                value = v == null ? 0 : v.size() == 1 ? v.values()[0] : Double.NaN;
                if (n.getInputCount() > 3 && !n.getInput(3).isEmpty()) throw at(n, TEXT.get("padAxes"));
            } else {
                p = OnnxConstants.intsAttr(n, "pads");
                value = floatAttr(n, "value", 0f);
            }
            if (value != 0) throw at(n, TEXT.get("padValue", value));
            if (x.shape().rank() != 3 || p.length != 8 || p[0] != 0 || p[1] != 0 || p[4] != 0 || p[5] != 0) {
                throw at(n, TEXT.get("padPlanes", java.util.Arrays.toString(p)));
            }
            int[] pads = {(int) p[2], (int) p[3], (int) p[6], (int) p[7]};
            for (long v : pads) if (v < 0 || v > 64) throw at(n, TEXT.get("padsRange", v));
            if (pads[0] == 0 && pads[1] == 0 && pads[2] == 0 && pads[3] == 0) {
                values.put(out(n), x);
                return;
            }
            JsonNode meta = layout.get(n.getName());
            if (meta != null && meta.path("type").asText().equals("zeropad2d")) {
                String id = addLayer(null, n.getName(), "zeropad2d", Map.of("top", pads[0], "left", pads[1], "bottom", pads[2], "right", pads[3]),
                        List.of(x), Map.of(), n);
                values.put(out(n), new Value(id, shapeOf(id)));
                return;
            }
            // Left pending: a Conv after it may fold it into 'same'; any other reader makes it a ZeroPadding2D layer.
            values.put(out(n), new Value(x.layer(), x.shape(), x.onnxDims(), pads, n.getName()));
        }

        void pool(NodeProto n) throws Problem {
            boolean max = n.getOpType().equals("MaxPool");
            Value x = in(n, 0);
            if (x.shape().rank() != 3) throw at(n, TEXT.get("needsImage", x.shape()));
            long[] k = OnnxConstants.intsAttr(n, "kernel_shape");
            if (k.length != 2 || k[0] != k[1]) throw at(n, TEXT.get("square", k.length > 0 ? k[0] : 0, k.length > 1 ? k[1] : 0));
            if (k[0] < 1 || k[0] > 16) throw at(n, TEXT.get("pairRange", "kernel_shape", k[0]));
            int pool = (int) k[0], stride = equalPair(n, "strides", 1);
            if (equalPair(n, "dilations", 1) != 1) throw at(n, TEXT.get("poolDilation"));
            if (n.getOutputCount() > 1 && !n.getOutput(1).isEmpty() && uses.getOrDefault(n.getOutput(1), 0) > 0) throw at(n, TEXT.get("poolIndices"));
            int[] pads = pads(n, x.shape(), pool, stride, 1);
            String padding = padding(x.shape(), pads, pool, stride, 1);
            boolean includePad = !max && OnnxConstants.intAttr(n, "count_include_pad", 0) != 0;
            if (padding != null && padding.equals("same") && includePad) padding = null;
            if (OnnxConstants.intAttr(n, "ceil_mode", 0) != 0) {
                var floor = org.layerlab.compute.autodiff.ConvOps.Window.of(x.shape().dim(1) + pads[0] + pads[2], x.shape().dim(2) + pads[1] + pads[3],
                        pool, pool, stride, 1, false);
                int h = x.shape().dim(1) + pads[0] + pads[2] - pool, w = x.shape().dim(2) + pads[1] + pads[3] - pool;
                if (h % stride != 0 || w % stride != 0 || floor.outH() < 1) throw at(n, TEXT.get("ceilMode"));
            }
            if (padding == null) {
                if (max) throw at(n, TEXT.get("maxPoolPads", java.util.Arrays.toString(pads)));
                x = materialize(new Value(x.layer(), x.shape(), x.onnxDims(), pads, n.getName()));
                padding = "valid";
            }
            String id = addLayer(null, n.getName(), max ? "maxpool2d" : "avgpool2d", Map.of("pool", pool, "stride", stride, "padding", padding),
                    List.of(x), Map.of(), n);
            values.put(out(n), new Value(id, shapeOf(id)));
        }

        void flatten(NodeProto n) throws Problem {
            Value x = rawIn(n, 0);
            x = x.pendingPads() != null ? materialize(x) : x;
            int rank = x.onnxDims().length + 1;
            long axis = OnnxConstants.intAttr(n, "axis", 1);
            if (axis < 0) axis += rank;
            if (axis != 1) throw at(n, TEXT.get("flattenAxis", axis));
            if (x.shape().rank() == 1 && !layoutSays(n, "flatten")) {
                values.put(out(n), new Value(x.layer(), x.shape()));
                return;
            }
            String id = addLayer(null, n.getName(), "flatten", Map.of(), List.of(x), Map.of(), n);
            values.put(out(n), new Value(id, shapeOf(id)));
        }

        boolean layoutSays(NodeProto n, String type) {
            JsonNode meta = layout.get(n.getName());
            return meta != null && meta.path("type").asText().equals(type);
        }

        void reshape(NodeProto n) throws Problem {
            Value x = rawIn(n, 0);
            x = x.pendingPads() != null ? materialize(x) : x;
            long[] shape = needConst(n, 1, "shape").longs();
            if (shape.length < 2) throw at(n, TEXT.get("reshapeBatch", java.util.Arrays.toString(shape)));
            if (shape[0] != -1 && shape[0] != 0) throw at(n, TEXT.get("reshapeBatch", java.util.Arrays.toString(shape)));
            long[] rest = java.util.Arrays.copyOfRange(shape, 1, shape.length);
            if (shape[0] == -1) for (long d : rest) if (d == -1) throw at(n, TEXT.get("reshapeBatch", java.util.Arrays.toString(shape)));
            long[] dims;
            try {
                long[] inDims = new long[x.onnxDims().length];
                for (int i = 0; i < inDims.length; i++) inDims[i] = x.onnxDims()[i];
                for (int i = 0; i < rest.length; i++) if (rest[i] == 0 && i >= inDims.length) throw new Problem("copies a missing dimension");
                long[] resolvedZeros = rest.clone();
                for (int i = 0; i < rest.length; i++) if (rest[i] == 0) resolvedZeros[i] = inDims[i];
                dims = OnnxConstants.resolveShape(new long[0], resolvedZeros, x.shape().size());
            } catch (Problem p) {
                throw at(n, p.getMessage());
            }
            List<Integer> target = new ArrayList<>();
            for (long d : dims) target.add((int) d);
            int[] t = target.stream().mapToInt(Integer::intValue).toArray();
            if (java.util.Arrays.equals(t, x.shape().dims()) && !layoutSays(n, "reshape")) {
                values.put(out(n), new Value(x.layer(), x.shape()));
                return;
            }
            String type = t.length == 1 && !layoutSays(n, "reshape") ? "flatten" : "reshape";
            String id = addLayer(null, n.getName(), type, type.equals("flatten") ? Map.of() : Map.of("shape", target), List.of(x), Map.of(), n);
            values.put(out(n), new Value(id, shapeOf(id)));
        }

        void add(NodeProto n) throws Problem {
            if (n.getInputCount() != 2) throw at(n, TEXT.get("inputsOfNode", n.getInputCount()));
            if (constIn(n, 0) != null || constIn(n, 1) != null) throw at(n, TEXT.get("addConstant"));
            Value a = rawIn(n, 0);
            // A LayerLab Add of three or more inputs is written as a chain named after the layer ("add-1", "add-1/Add").
            Integer count = addInputs.get(a.layer());
            if (count != null && !layout.isEmpty() && n.getName().startsWith(a.layer() + "/") && uses.getOrDefault(n.getInput(0), 0) == 1) {
                Value b = in(n, 1);
                edges.add(new Edge(b.layer(), a.layer(), count));
                addInputs.put(a.layer(), count + 1);
                Node node = nodes.stream().filter(x -> x.id().equals(a.layer())).findFirst().orElseThrow();
                List<Shape> inShapes = new ArrayList<>();
                for (Edge e : edges) if (e.to().equals(a.layer())) inShapes.add(shapes.get(e.from()));
                try {
                    LayerTypes.CATALOG.get("add").outputShape(inShapes, node.params());
                } catch (ShapeException e) {
                    throw at(n, "Add " + e.getMessage());
                }
                values.put(out(n), a);
                return;
            }
            Value x = materialize(a), y = in(n, 1);
            String id = addLayer(null, n.getName(), "add", Map.of(), List.of(x, y), Map.of(), n);
            addInputs.put(id, 2);
            values.put(out(n), new Value(id, shapeOf(id)));
        }

        void concat(NodeProto n) throws Problem {
            List<Value> ins = new ArrayList<>();
            for (int i = 0; i < n.getInputCount(); i++) ins.add(in(n, i));
            if (ins.isEmpty()) throw at(n, TEXT.get("inputsOfNode", 0));
            int rank = ins.get(0).shape().rank() + 1;
            long axis = OnnxConstants.intAttr(n, "axis", 1);
            long a = axis < 0 ? axis + rank : axis;
            if (a < 1 || a >= rank) throw at(n, TEXT.get("concatAxis", axis));
            String id = addLayer(null, n.getName(), "concatenate", Map.of("axis", (int) (axis < 0 ? axis : a - 1)), ins, Map.of(), n);
            values.put(out(n), new Value(id, shapeOf(id)));
        }

        void batchNorm(NodeProto n) throws Problem {
            Value x = in(n, 0);
            if (OnnxConstants.intAttr(n, "training_mode", 0) != 0) throw at(n, TEXT.get("training"));
            for (int i = 1; i < n.getOutputCount(); i++) if (!n.getOutput(i).isEmpty() && uses.getOrDefault(n.getOutput(i), 0) > 0) throw at(n, TEXT.get("training"));
            if (x.shape().rank() != 1 && x.shape().rank() != 3) throw at(n, TEXT.get("bnRank", x.shape()));
            int c = x.shape().dim(0);
            Map<String, Tensor> w = new LinkedHashMap<>();
            String[] names = {"gamma", "beta", "runningMean", "runningVar"};
            for (int i = 0; i < 4; i++) {
                Const k = needConst(n, i + 1, names[i]);
                if (k.size() != c) throw at(n, TEXT.get("perChannel", names[i], k.size(), c));
                w.put(names[i], Tensor.of(k.floats(), c));
            }
            double eps = floatAttr(n, "epsilon", 1e-5f), momentum = 1 - floatAttr(n, "momentum", 0.9f);
            momentum = Math.max(0, Math.min(1, momentum));
            String id = addLayer(null, n.getName(), "batchnorm", Map.of("epsilon", eps, "momentum", momentum), List.of(x), w, n);
            values.put(out(n), new Value(id, shapeOf(id)));
        }

        void layerNorm(NodeProto n) throws Problem {
            Value x = in(n, 0);
            int rank = x.shape().rank() + 1;
            long axis = OnnxConstants.intAttr(n, "axis", -1);
            if (axis < 0) axis += rank;
            if (axis != 1) throw at(n, TEXT.get("lnAxis", OnnxConstants.intAttr(n, "axis", -1)));
            for (int i = 1; i < n.getOutputCount(); i++) if (!n.getOutput(i).isEmpty() && uses.getOrDefault(n.getOutput(i), 0) > 0) throw at(n, TEXT.get("lnStats"));
            Const scale = needConst(n, 1, "scale");
            Const bias = constIn(n, 2);
            int size = x.shape().size();
            if (scale.size() != size || (bias != null && bias.size() != size)) throw at(n, TEXT.get("perChannel", "scale", scale.size(), size));
            Map<String, Tensor> w = new LinkedHashMap<>();
            w.put("gamma", new Tensor(x.shape(), scale.floats()));
            w.put("beta", bias == null ? Tensor.zeros(x.shape()) : new Tensor(x.shape(), bias.floats()));
            String id = addLayer(null, n.getName(), "layernorm", Map.of("epsilon", (double) floatAttr(n, "epsilon", 1e-5f)), List.of(x), w, n);
            values.put(out(n), new Value(id, shapeOf(id)));
        }

        void dropout(NodeProto n) throws Problem {
            Value x = in(n, 0);
            double rate = 0.5;
            if (opset >= 12) {
                Const r = constIn(n, 1);
                if (r != null && r.size() == 1) rate = r.values()[0];
                Const t = constIn(n, 2);
                if (t != null && t.size() == 1 && t.values()[0] != 0) throw at(n, TEXT.get("training"));
            } else {
                rate = floatAttr(n, "ratio", 0.5f);
            }
            for (int i = 1; i < n.getOutputCount(); i++) if (!n.getOutput(i).isEmpty() && uses.getOrDefault(n.getOutput(i), 0) > 0) throw at(n, TEXT.get("training"));
            rate = Math.max(0, Math.min(0.95, Math.round(rate * 1e6) / 1e6));
            String id = addLayer(null, n.getName(), "dropout", Map.of("rate", rate), List.of(x), Map.of(), n);
            values.put(out(n), new Value(id, shapeOf(id)));
        }

        static float floatAttr(NodeProto n, String name, float def) {
            for (AttributeProto a : n.getAttributeList()) if (a.getName().equals(name)) return a.getF();
            return def;
        }

        Result finish() throws Problem {
            ModelGraph graph;
            try {
                graph = ModelGraph.of(nodes, edges);
            } catch (RuntimeException e) {
                throw new Problem(e.getMessage());
            }
            GraphAnalysis analysis = ShapeInference.analyze(graph);
            if (!analysis.valid()) throw new Problem(TEXT.get("invalid", String.join("; ", analysis.errors())));
            boolean placed = !layout.isEmpty() && nodes.stream().allMatch(nd -> layout.containsKey(nd.id()));
            if (!placed) graph = LayeredLayout.apply(graph);
            List<String> classNames = classes;
            Shape outShape = analysis.info(values.get(outputName).layer()).outputShape();
            if (!classNames.isEmpty() && (outShape.rank() != 1 || classNames.size() != outShape.dim(0))) classNames = List.of();
            TrainedModel m = new TrainedModel(graph, tensors, classNames);
            try {
                m.compile();
            } catch (RuntimeException e) {
                throw new Problem(TEXT.get("invalid", e.getMessage()));
            }
            return new Result(m, normalization);
        }
    }
}
