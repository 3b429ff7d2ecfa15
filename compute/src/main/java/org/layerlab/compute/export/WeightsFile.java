package org.layerlab.compute.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.layerlab.compute.graph.GraphAnalysis;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.ShapeInference;
import org.layerlab.compute.tensor.Tensor;
import org.layerlab.compute.project.ProjectFileException;
import org.layerlab.compute.project.ProjectFiles;
import org.layerlab.compute.text.Messages;

/**
 * A {@link TrainedModel} as one safetensors file: the tensors under their "nodeId/name" keys, and in the metadata
 * the graph they belong to ({@value #GRAPH}, the JSON of a project file's "graph" section) and the class names
 * ({@value #CLASSES}, a JSON array). So the file stands alone: PyTorch reads the tensors, LayerLab the whole model.
 */
public final class WeightsFile {
    public static final String GRAPH = "layerlab.graph";
    public static final String CLASSES = "layerlab.classes";

    private static final Messages TEXT = Messages.of("org.layerlab.compute.i18n.safetensors", WeightsFile.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private WeightsFile() {}

    public static byte[] encode(TrainedModel m) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", "pt"); // what Hugging Face's loaders expect of PyTorch weights
        meta.put(GRAPH, ProjectFiles.graphToJson(m.graph()));
        try {
            meta.put(CLASSES, JSON.writeValueAsString(m.classNames()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return Safetensors.encode(m.tensors(), meta);
    }

    /** Decodes and checks that the tensors fit the graph; {@code source} names the file (and entry) in messages. */
    public static TrainedModel decode(byte[] bytes, String source) throws ProjectFileException {
        Safetensors.Contents c = Safetensors.decode(bytes, source);
        String graphJson = c.metadata().get(GRAPH);
        if (graphJson == null) throw new ProjectFileException(TEXT.get("noGraph", source, GRAPH));
        ModelGraph graph = ProjectFiles.parseGraph(graphJson, source + " (" + GRAPH + ")");
        List<String> classes = List.of();
        String cls = c.metadata().get(CLASSES);
        if (cls != null) {
            try {
                classes = JSON.readValue(cls, new TypeReference<List<String>>() {});
            } catch (JsonProcessingException e) {
                throw new ProjectFileException(TEXT.get("badClasses", source, CLASSES));
            }
            if (classes == null || classes.contains(null)) throw new ProjectFileException(TEXT.get("badClasses", source, CLASSES));
        }
        // Compiling allocates every parameter: check first that the file holds at least that many values, so a small
        // file cannot ask for a huge network.
        GraphAnalysis analysis = ShapeInference.analyze(graph);
        if (!analysis.valid()) throw new ProjectFileException(TEXT.get("doesNotFit", source, analysis.errors().get(0)));
        long held = c.tensors().values().stream().mapToLong(Tensor::size).sum();
        if (analysis.totalParameters() > held) {
            throw new ProjectFileException(TEXT.get("doesNotFit", source, TEXT.get("tooFewValues", analysis.totalParameters(), held)));
        }
        TrainedModel model = new TrainedModel(graph, c.tensors(), classes);
        try {
            model.compile();
        } catch (RuntimeException e) {
            // A graph with errors or tensors that do not fit it: either way the file is not a usable model.
            throw new ProjectFileException(TEXT.get("doesNotFit", source, e.getMessage()), e);
        }
        return model;
    }
}
