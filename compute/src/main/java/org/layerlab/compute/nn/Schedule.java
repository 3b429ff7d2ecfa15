package org.layerlab.compute.nn;

import java.util.List;
import org.layerlab.compute.catalog.CatalogEntry;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.catalog.Params;

/** A learning-rate schedule: the factor applied to the base learning rate before each optimisation step. */
public interface Schedule extends CatalogEntry {
    /**
     * The factor for the step about to be taken.
     * @param step optimisation steps already taken (0 for the first)
     * @param stepsPerEpoch batches in one epoch
     * @param totalSteps steps in the whole run
     */
    double factor(Params p, long step, int stepsPerEpoch, long totalSteps);

    @Override List<ParamSpec> params();
}
