package org.layerlab.compute.project;

import java.util.List;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.train.TrainingConfig;

/** Everything a project file holds: the network, the data set, the training settings and the runs made so far. */
public record Project(String name, String description, ModelGraph graph, DatasetSpec dataset, TrainingConfig training,
                      List<RunHistory> runs) {
    public Project {
        runs = List.copyOf(runs);
    }

    /** A project without runs. */
    public Project(String name, String description, ModelGraph graph, DatasetSpec dataset, TrainingConfig training) {
        this(name, description, graph, dataset, training, List.of());
    }

    public Project withGraph(ModelGraph g) { return new Project(name, description, g, dataset, training, runs); }
    public Project withDataset(DatasetSpec d) { return new Project(name, description, graph, d, training, runs); }
    public Project withTraining(TrainingConfig t) { return new Project(name, description, graph, dataset, t, runs); }
    public Project withRuns(List<RunHistory> r) { return new Project(name, description, graph, dataset, training, r); }
}
