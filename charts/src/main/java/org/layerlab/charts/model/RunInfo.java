package org.layerlab.charts.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a run was started with, as the run list shows it.
 *
 * @param name display name, or null to get "Run N"
 * @param settings readable settings in display order (optimizer, learning rate, batch size, seed, network...)
 * @param parentRunId the run whose checkpoint this run was branched from, or null
 * @param forkStep the parent's step at the branch point, or null
 */
public record RunInfo(String name, Map<String, String> settings, Integer parentRunId, Long forkStep) {
    public RunInfo {
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    public static RunInfo of(Map<String, String> settings) { return new RunInfo(null, settings, null, null); }
}
