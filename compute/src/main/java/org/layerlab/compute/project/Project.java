package org.layerlab.compute.project;

import java.util.List;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.train.TrainingConfig;

/**
 * Everything a project file holds: the network, the data set, the training settings, the runs made so far and the
 * lesson a teacher wrote for it ({@link Lesson#NONE} when there is none).
 */
public record Project(String name, String description, ModelGraph graph, DatasetSpec dataset, TrainingConfig training,
                      List<RunHistory> runs, Lesson lesson) {
    public Project {
        runs = List.copyOf(runs);
        lesson = lesson == null ? Lesson.NONE : lesson;
    }

    /** A project without a lesson. */
    public Project(String name, String description, ModelGraph graph, DatasetSpec dataset, TrainingConfig training,
                   List<RunHistory> runs) {
        this(name, description, graph, dataset, training, runs, Lesson.NONE);
    }

    /** A project without runs or lesson. */
    public Project(String name, String description, ModelGraph graph, DatasetSpec dataset, TrainingConfig training) {
        this(name, description, graph, dataset, training, List.of());
    }

    public Project withGraph(ModelGraph g) { return new Project(name, description, g, dataset, training, runs, lesson); }
    public Project withDataset(DatasetSpec d) { return new Project(name, description, graph, d, training, runs, lesson); }
    public Project withTraining(TrainingConfig t) { return new Project(name, description, graph, dataset, t, runs, lesson); }
    public Project withRuns(List<RunHistory> r) { return new Project(name, description, graph, dataset, training, r, lesson); }
    public Project withLesson(Lesson l) { return new Project(name, description, graph, dataset, training, runs, l); }
}
