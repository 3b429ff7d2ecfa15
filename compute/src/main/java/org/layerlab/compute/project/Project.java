package org.layerlab.compute.project;

import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.train.TrainingConfig;

/** Everything a project file holds: the network, the data set and the training settings. */
public record Project(String name, String description, ModelGraph graph, DatasetSpec dataset, TrainingConfig training) {
    public Project withGraph(ModelGraph g) { return new Project(name, description, g, dataset, training); }
    public Project withTraining(TrainingConfig t) { return new Project(name, description, graph, dataset, t); }
}
