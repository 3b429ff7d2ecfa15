package org.layerlab.compute.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.layerlab.compute.catalog.InvalidParamException;
import org.layerlab.compute.catalog.Params;

/** The run settings' declaration: each optimizer's and schedule's own settings, names people use, one place that checks. */
class TrainingSettingsTest {
    @Test void anEntrysSettingsApplyOnlyWhileItIsChosenAndKeepTheirValues() throws Exception {
        Params adam = TrainingSettings.defaults();
        assertEquals("adam", adam.getString("optimizer"));
        assertTrue(adam.applies("optimizer.adam.beta1"));
        assertFalse(adam.applies("optimizer.sgd.momentum"));
        assertEquals(0.001, adam.getDouble("optimizer.adam.learningRate"), "Adam's own default");
        Params tuned = adam.with("optimizer.adam.beta1", 0.8).with("optimizer", "sgd");
        assertFalse(tuned.applies("optimizer.adam.beta1"));
        assertEquals(0.01, new TrainingConfig(tuned).optimizerParams().getDouble("learningRate"), "SGD's own default");
        assertEquals(0.8, new TrainingConfig(tuned.with("optimizer", "adam")).optimizerParams().getDouble("beta1"),
                "switching back finds Adam's settings as they were");
        assertFalse(adam.applies("schedule.step.gamma"));
        assertTrue(adam.with("schedule", "step").applies("schedule.step.gamma"));
    }

    @Test void namesResolveToTheChosenEntrysSetting() throws Exception {
        TrainingConfig c = TrainingConfig.defaults().with("learningRate", "0.003").with("schedule", "exponential").with("gamma", 0.5);
        assertEquals(0.003, c.optimizerParams().getDouble("learningRate"));
        assertEquals(0.5, c.scheduleParams().getDouble("gamma"));
        assertEquals(0.7, c.with("optimizerParams.beta1", 0.7).optimizerParams().getDouble("beta1"), "the project file's name works too");
        assertEquals(12, c.with("batchSize", "12").batchSize());
    }

    @Test void valuesAreCheckedByTheDeclaration() {
        var e = assertThrows(InvalidParamException.class, () -> TrainingConfig.defaults().with("momentum", 0.5));
        assertTrue(e.getMessage().startsWith("no run setting 'momentum' (known: optimizer, learningRate, beta1"), e.getMessage());
        var range = assertThrows(InvalidParamException.class, () -> TrainingConfig.defaults().with("epochs", 0));
        assertEquals("Epochs must be between 1 and 10000000, got 0", range.getMessage());
    }

    @Test void theFileSectionRoundTripsAndNamesOnlyTheChosenEntrysSettings() throws Exception {
        TrainingConfig c = TrainingConfig.defaults().with("optimizer", "sgd").with("momentum", 0.9).with("schedule", "step");
        Map<String, Object> file = TrainingSettings.toFile(c.settings());
        assertEquals(Map.of("learningRate", 0.01, "momentum", 0.9, "nesterov", false, "l1", 0.0, "l2", 0.0), file.get("optimizerParams"));
        assertEquals(Map.of("stepEpochs", 10, "gamma", 0.1), file.get("scheduleParams"));
        assertEquals(c, new TrainingConfig(TrainingSettings.fromFile(file)));
    }
}
