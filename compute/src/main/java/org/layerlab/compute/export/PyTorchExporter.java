package org.layerlab.compute.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.data.Dataset;
import org.layerlab.compute.export.spec.TorchCode;
import org.layerlab.compute.graph.Edge;
import org.layerlab.compute.graph.GraphAnalysis;
import org.layerlab.compute.graph.GraphException;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.Node;
import org.layerlab.compute.graph.ShapeInference;
import org.layerlab.compute.layers.OutputLayer;
import org.layerlab.compute.nn.Loss;
import org.layerlab.compute.project.AtomicFiles;
import org.layerlab.compute.project.Project;
import org.layerlab.compute.project.ProjectFileException;
import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.tensor.Tensor;
import org.layerlab.compute.train.TrainingConfig;

/**
 * Writes a trained model as a standalone PyTorch folder: {@code model.py} (an nn.Module mirroring the graph, each layer
 * written by its own {@link org.layerlab.compute.layers.LayerType#toTorch} declaration, named after the graph's layers),
 * {@code weights.safetensors} (LayerLab's tensors), and with the project {@code train.py} (its loss, optimizer,
 * schedule and settings; one process or torchrun with DistributedDataParallel) and {@code data.safetensors} (the same
 * training and validation samples), plus a three-line README.
 */
public final class PyTorchExporter {
    private PyTorchExporter() {}

    public static final String MODEL = "model.py", TRAIN = "train.py", WEIGHTS = "weights.safetensors", DATA = "data.safetensors",
            README = "README.md";

    /** Writes the folder (created when missing); {@code project} may be null, then only the model and weights are written. */
    public static void write(TrainedModel model, Project project, Path folder) throws IOException, ProjectFileException {
        Files.createDirectories(folder);
        String title = project == null ? "LayerLab model" : project.name();
        AtomicFiles.write(folder.resolve(MODEL), modelPy(model, title).getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(folder.resolve(WEIGHTS), WeightsFile.encode(model));
        if (project != null) {
            AtomicFiles.write(folder.resolve(TRAIN), trainPy(model, project).getBytes(StandardCharsets.UTF_8));
            AtomicFiles.write(folder.resolve(DATA), data(project));
        }
        AtomicFiles.write(folder.resolve(README), readme(title, project != null).getBytes(StandardCharsets.UTF_8));
    }

    /** The Python source of the network as {@code class Model(nn.Module)}, with the weight map {@code WEIGHTS}. */
    public static String modelPy(TrainedModel model, String title) {
        ModelGraph graph = model.graph();
        GraphAnalysis analysis = ShapeInference.analyze(graph);
        if (!analysis.valid()) throw new GraphException("the network has errors: " + String.join("; ", analysis.errors()));
        List<Node> order = graph.topologicalOrder();
        Set<String> taken = new HashSet<>(Set.of("x", "self", "torch", "nn", "F", "Model", "WEIGHTS", "CLASSES", "INPUT_SHAPE"));
        Map<String, String> var = new LinkedHashMap<>();
        for (Node n : order) var.put(n.id(), identifier(n.name(), n.id(), taken));
        StringBuilder init = new StringBuilder(), forward = new StringBuilder();
        Map<String, String[]> weights = new LinkedHashMap<>();
        Set<String> helpers = new LinkedHashSet<>();
        String inputVar = null, last = null;
        for (Node n : order) {
            TorchCode code = graph.typeOf(n.id()).toTorch(analysis.info(n.id()).inputShapes(), n.params());
            String v = var.get(n.id());
            helpers.addAll(code.helpers());
            if (!code.module().isEmpty()) {
                init.append("        self.").append(v).append(" = ").append(code.module()).append("  # ").append(n.name().replace('\n', ' ')).append('\n');
            }
            List<String> ins = graph.inputsOf(n.id()).stream().map(Edge::from).map(var::get).toList();
            if (ins.isEmpty()) { ins = List.of("x"); inputVar = v; }
            String expr = code.forward().replace("{m}", "self." + v).replace("{all}", String.join(", ", ins));
            for (int i = ins.size() - 1; i >= 0; i--) expr = expr.replace("{" + i + "}", ins.get(i));
            forward.append("        ").append(v).append(" = ").append(expr).append('\n');
            code.weights().forEach((name, path) -> {
                boolean t = path.endsWith(":T");
                weights.put(n.id() + "/" + name, new String[] {v + "." + (t ? path.substring(0, path.length() - 2) : path), t ? "True" : "False"});
            });
            last = v;
        }
        for (String k : model.tensors().keySet()) {
            if (!weights.containsKey(k)) throw new IllegalStateException("tensor '" + k + "' has no place in the PyTorch module");
        }
        StringBuilder py = new StringBuilder();
        py.append("\"\"\"").append(escape(title)).append(": the network drawn in LayerLab ").append(LayerLabVersion.get())
                .append(", as a PyTorch module (one attribute per layer, named after the layer).\"\"\"\n");
        py.append("import json\nimport os\nimport struct\n\nimport numpy as np\nimport torch\nfrom torch import nn\nimport torch.nn.functional as F  # noqa: F401 (used by helpers)\n\n\n");
        for (String h : helpers) py.append(resource(h.equals("AvgPool2dPadded") ? "helpers.py" : h));
        Shape in = analysis.info(order.get(0).id()).outputShape();
        py.append("class Model(nn.Module):\n");
        py.append("    \"\"\"Input: samples of shape ").append(in).append("; output: ")
                .append(analysis.info(lastId(order, graph)).outputShape())
                .append(" per sample.\"\"\"\n\n");
        py.append("    def __init__(self):\n        super().__init__()\n").append(init);
        py.append("\n    def forward(self, x):\n").append(forward).append("        return ").append(last).append("\n\n\n");
        py.append("INPUT_SHAPE = ").append(tuple(in.dims())).append('\n');
        py.append("CLASSES = ").append(PythonLiteral.of(model.classNames())).append('\n');
        py.append("# LayerLab's tensor name -> (state-dict name, stored transposed in PyTorch)\nWEIGHTS = {\n");
        weights.forEach((k, w) -> py.append("    ").append(PythonLiteral.of(k)).append(": (").append(PythonLiteral.of(w[0])).append(", ")
                .append(w[1]).append("),\n"));
        py.append("}\n");
        py.append(resource("weights_reader.py"));
        return py.toString();
    }

    private static String lastId(List<Node> order, ModelGraph g) {
        for (Node n : order) if (g.outputsOf(n.id()).isEmpty()) return n.id();
        return order.get(order.size() - 1).id();
    }

    /** The training script: the project's settings as a literal, then the fixed training loop. */
    public static String trainPy(TrainedModel model, Project project) {
        TrainingConfig t = project.training();
        Loss loss = lossOf(model.graph(), t);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("project", project.name());
        s.put("loss", loss.id());
        Map<String, Object> lossParams = new LinkedHashMap<>();
        for (Node n : model.graph().nodes()) {
            if (n.type().equals(OutputLayer.ID)) {
                n.params().asMap().forEach((k, v) -> { if (k.startsWith("loss.")) lossParams.put(k.substring(5), v); });
            }
        }
        s.put("loss_params", lossParams);
        s.put("optimizer", t.optimizer());
        s.put("optimizer_params", t.optimizerParams().asMap());
        s.put("schedule", t.schedule());
        s.put("schedule_params", t.scheduleParams().asMap());
        s.put("batch_size", t.batchSize());
        s.put("epochs", t.epochs());
        s.put("seed", t.seed());
        s.put("validation_split", t.validationSplit());
        s.put("clip_norm", t.clipNorm());
        s.put("data", project.dataset().generator());
        s.put("data_params", project.dataset().params().asMap());
        StringBuilder py = new StringBuilder();
        py.append("\"\"\"Trains ").append(escape(project.name())).append(" as LayerLab set it up (same data, loss, optimizer, schedule and settings),\n")
                .append("starting from LayerLab's trained weights. One process: python3 train.py; several: torchrun --nproc_per_node N train.py\n")
                .append("(DistributedDataParallel: gloo on CPU, nccl on GPU, a DistributedSampler). Made by LayerLab ")
                .append(LayerLabVersion.get()).append(".\n")
                .append("With Debian's torch 1.13 on Python 3.11, torchrun needs --redirects 2 --tee 1 (its default fails there).\"\"\"\n");
        py.append(resource("train_head.py"));
        py.append("# The project's settings, as LayerLab ran them.\nSETTINGS = {\n");
        s.forEach((k, v) -> py.append("    ").append(PythonLiteral.of(k)).append(": ").append(PythonLiteral.of(v)).append(",\n"));
        py.append("}\n");
        py.append(resource("train_body.py"));
        return py.toString();
    }

    static Loss lossOf(ModelGraph graph, TrainingConfig t) {
        for (Node n : graph.nodes()) if (n.type().equals(OutputLayer.ID)) return OutputLayer.loss(n.params());
        return t.lossFunction();
    }

    /** The project's training and validation samples (its own split), as train.py reads them. */
    public static byte[] data(Project project) throws IOException {
        org.layerlab.compute.data.Splits split;
        try {
            split = project.dataset().prepare(org.layerlab.compute.data.DataContext.of(null)).splits();
        } catch (org.layerlab.compute.data.DataException e) {
            throw new IOException(e.getMessage(), e);
        }
        Map<String, Tensor> m = new LinkedHashMap<>();
        put(m, "train", split.train());
        if (split.validation() != null) put(m, "val", split.validation());
        return Safetensors.encode(m, Map.of("layerlab.data", project.dataset().generator()));
    }

    private static void put(Map<String, Tensor> m, String part, Dataset d) {
        m.put("x_" + part, d.x());
        if (d.labels() != null) {
            float[] y = new float[d.labels().length];
            for (int i = 0; i < y.length; i++) y[i] = d.labels()[i];
            m.put("y_" + part, Tensor.of(y, y.length));
        } else {
            int per = d.targets().length / d.size();
            m.put("y_" + part, Tensor.of(d.targets().clone(), d.size(), per));
        }
    }

    static String readme(String title, boolean training) {
        return "# " + title + " — exported from LayerLab " + LayerLabVersion.get() + "\n"
                + (training ? "`python3 train.py` trains on one process from LayerLab's weights; `torchrun --nproc_per_node N train.py` trains with DistributedDataParallel (gloo on CPU, nccl on GPU).\n"
                : "Export with the project to get train.py (training) and data.safetensors (the data).\n")
                + "`model.py` holds the network as `Model` (an nn.Module); `weights.safetensors` LayerLab's trained tensors" + (training ? ", `data.safetensors` the training and validation data." : ".") + "\n";
    }

    /** A Python identifier from a layer name ("Dense 1" → dense_1), unique among {@code taken}. */
    static String identifier(String name, String id, Set<String> taken) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_").replaceAll("^_+|_+$", "");
        if (s.isEmpty()) s = id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
        if (s.isEmpty() || Character.isDigit(s.charAt(0))) s = "layer_" + s;
        if (PYTHON_KEYWORDS.contains(s)) s = s + "_";
        String u = s;
        for (int i = 2; !taken.add(u); i++) u = s + "_" + i;
        return u;
    }

    private static final Set<String> PYTHON_KEYWORDS = Set.of("false", "none", "true", "and", "as", "assert", "async", "await", "break",
            "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
            "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield", "input", "type", "id", "print");

    private static String tuple(int[] dims) {
        List<String> p = new ArrayList<>();
        for (int d : dims) p.add(Integer.toString(d));
        return "(" + String.join(", ", p) + (dims.length == 1 ? ",)" : ")");
    }

    private static String escape(String s) { return s.replace("\\", "\\\\").replace("\"\"\"", "\\\"\\\"\\\""); }

    private static String resource(String name) {
        try (InputStream in = PyTorchExporter.class.getResourceAsStream("pytorch/" + name)) {
            if (in == null) throw new IllegalStateException("missing resource pytorch/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes Java values (maps, lists, strings, numbers, booleans) as Python literals. */
    static final class PythonLiteral {
        private PythonLiteral() {}

        static String of(Object v) {
            if (v == null) return "None";
            if (v instanceof Boolean b) return b ? "True" : "False";
            if (v instanceof Double d) return d.isNaN() ? "float('nan')" : d.isInfinite() ? (d > 0 ? "float('inf')" : "float('-inf')") : Double.toString(d);
            if (v instanceof Float f) return of((double) f);
            if (v instanceof Number n) return n.toString();
            if (v instanceof Params p) return of(p.asMap());
            if (v instanceof Map<?, ?> m) {
                List<String> parts = new ArrayList<>();
                m.forEach((k, x) -> parts.add(of(String.valueOf(k)) + ": " + of(x)));
                return "{" + String.join(", ", parts) + "}";
            }
            if (v instanceof List<?> l) {
                List<String> parts = new ArrayList<>();
                for (Object x : l) parts.add(of(x));
                return "[" + String.join(", ", parts) + "]";
            }
            StringBuilder sb = new StringBuilder("\"");
            for (char c : v.toString().toCharArray()) {
                switch (c) {
                    case '\\' -> sb.append("\\\\");
                    case '"' -> sb.append("\\\"");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    default -> { if (c < 0x20) sb.append(String.format("\\x%02x", (int) c)); else sb.append(c); }
                }
            }
            return sb.append('"').toString();
        }
    }
}
