package org.layerlab.compute.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.layerlab.compute.catalog.Catalog;
import org.layerlab.compute.catalog.CatalogText;
import org.layerlab.compute.catalog.CatalogEntry;
import org.layerlab.compute.catalog.InvalidParamException;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.nn.Optimizers;
import org.layerlab.compute.nn.Schedules;
import org.layerlab.compute.text.Messages;

/**
 * The run settings, declared once as a table of {@link ParamSpec}s like a layer's parameters: the optimizer with each
 * optimizer's own settings (shown only while it is chosen), the learning-rate schedule with its settings, batch size,
 * epochs, seed, gradient clipping, early stopping and checkpoints. The Training panel, the project
 * file's {@code training} section, the CLI's {@code --set} and the run list read this declaration and check values
 * through it. The loss is not here: it belongs to the network's Output head;
 * nor is the validation share, which is part of the data set's split.
 */
public final class TrainingSettings {
    private TrainingSettings() {}

    static final Messages TEXT = Messages.of("org.layerlab.compute.i18n.training", TrainingSettings.class);

    public static final String OPTIMIZER = "optimizer", SCHEDULE = "schedule", BATCH_SIZE = "batchSize", EPOCHS = "epochs",
            SEED = "seed", CLIP_NORM = "clipNorm", PATIENCE = "patience",
            MIN_DELTA = "minDelta", CHECKPOINTS = "checkpoints";

    /** A choice whose entries carry their own settings, and the catalog it chooses from. */
    private record Group(String name, Catalog<? extends CatalogEntry> catalog) {
        /** The key of the chosen entry's settings in a project file: "optimizerParams". */
        String fileKey() { return name + "Params"; }
    }

    private static final List<Group> GROUPS = List.of(new Group(OPTIMIZER, Optimizers.CATALOG), new Group(SCHEDULE, Schedules.CATALOG));

    /** Every run setting in the order the Training panel shows them. */
    public static final List<ParamSpec> SPECS = declare();

    private static List<ParamSpec> declare() {
        List<ParamSpec> s = new ArrayList<>();
        s.addAll(Optimizers.CATALOG.choiceWithEntrySettings(OPTIMIZER, CatalogText.ref("training", "optimizer"), Optimizers.ADAM.id(), CatalogText.ref("training", "optimizer.about")));
        s.add(ParamSpec.integer(BATCH_SIZE, CatalogText.ref("training", "batchSize"), 32, 1, 1_000_000, CatalogText.ref("training", "batchSize.about")));
        s.add(ParamSpec.integer(EPOCHS, CatalogText.ref("training", "epochs"), 100, 1, 10_000_000, CatalogText.ref("training", "epochs.about")));
        s.add(ParamSpec.integer(SEED, CatalogText.ref("training", "seed"), 1, 0, Integer.MAX_VALUE, CatalogText.ref("training", "seed.about")));
        s.addAll(Schedules.CATALOG.choiceWithEntrySettings(SCHEDULE, CatalogText.ref("training", "schedule"), Schedules.CONSTANT.id(), CatalogText.ref("training", "schedule.about")));
        s.add(ParamSpec.real(CLIP_NORM, CatalogText.ref("training", "clipNorm"), 0.0, 0.0, 1e6, CatalogText.ref("training", "clipNorm.about")));
        s.add(ParamSpec.integer(PATIENCE, CatalogText.ref("training", "patience"), 0, 0, 1_000_000, CatalogText.ref("training", "patience.about")));
        s.add(ParamSpec.real(MIN_DELTA, CatalogText.ref("training", "minDelta"), 0.0, 0.0, 1e6, CatalogText.ref("training", "minDelta.about")));
        s.add(ParamSpec.bool(CHECKPOINTS, CatalogText.ref("training", "checkpoints"), true, CatalogText.ref("training", "checkpoints.about")));
        return List.copyOf(s);
    }

    public static Params defaults() { return Params.defaults(SPECS); }

    public static ParamSpec spec(String name) {
        return SPECS.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no run setting '" + name + "'"));
    }

    /**
     * The declared name a person means: a full name ("optimizer.adam.learningRate"), a project file's name
     * ("optimizerParams.learningRate") or a chosen entry's setting by its short name ("learningRate", "gamma").
     */
    public static String resolve(Params current, String name) throws InvalidParamException {
        if (SPECS.stream().anyMatch(s -> s.name().equals(name))) return name;
        for (Group g : GROUPS) {
            String chosen = current.getString(g.name());
            String setting = name.startsWith(g.fileKey() + ".") ? name.substring(g.fileKey().length() + 1)
                    : name.startsWith(g.name() + ".") ? name.substring(g.name().length() + 1) : name;
            String full = Catalog.entrySetting(g.name(), chosen, setting);
            if (SPECS.stream().anyMatch(s -> s.name().equals(full))) return full;
        }
        throw new InvalidParamException(name, TEXT.get("unknown", name, String.join(", ", shortNames(current))));
    }

    /** The names that apply with these values, short for the chosen entries' settings ("learningRate"). */
    public static List<String> shortNames(Params current) {
        List<String> names = new ArrayList<>();
        for (ParamSpec s : SPECS) {
            if (!current.applies(s.name())) continue;
            String n = s.name();
            names.add(n.contains(".") ? n.substring(n.lastIndexOf('.') + 1) : n);
        }
        return names;
    }

    /** The values as a project file's {@code training} section: the chosen entries' settings under "optimizerParams", "scheduleParams". */
    public static Map<String, Object> toFile(Params p) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (ParamSpec s : SPECS) {
            Group g = groupOfSetting(s.name());
            if (g != null) continue;
            out.put(s.name(), p.get(s.name()));
            Group chosen = group(s.name());
            if (chosen != null) out.put(chosen.fileKey(), new LinkedHashMap<>(chosen.catalog().chosenEntrySettings(p, chosen.name()).asMap()));
        }
        return out;
    }

    /**
     * Reads a project file's {@code training} section; absent settings take their defaults. A refused value's
     * {@link InvalidParamException#paramName()} is its place in the section ("optimizerParams.learningRate").
     */
    public static Params fromFile(Map<String, ?> section) throws InvalidParamException {
        Map<String, Object> flat = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : section.entrySet()) {
            if (GROUPS.stream().noneMatch(g -> g.fileKey().equals(e.getKey()))) flat.put(e.getKey(), e.getValue());
        }
        for (Group g : GROUPS) {
            Object id = section.containsKey(g.name()) ? section.get(g.name()) : spec(g.name()).defaultValue();
            String chosen;
            try {
                chosen = (String) spec(g.name()).coerce(id);
            } catch (InvalidParamException ex) {
                throw new InvalidParamException(g.name(), ex.getMessage());
            }
            Object given = section.get(g.fileKey());
            if (given == null) continue;
            if (!(given instanceof Map<?, ?> m)) throw new InvalidParamException(g.fileKey(), TEXT.get("notAnObject"));
            CatalogEntry entry = g.catalog().get(chosen);
            Map<String, Object> settings = new LinkedHashMap<>();
            m.forEach((k, v) -> settings.put(String.valueOf(k), v));
            try {
                Params.of(entry.params(), settings);
            } catch (InvalidParamException ex) {
                throw new InvalidParamException(ex.paramName() == null ? g.fileKey() : g.fileKey() + "." + ex.paramName(), ex.getMessage());
            }
            settings.forEach((k, v) -> flat.put(Catalog.entrySetting(g.name(), chosen, k), v));
        }
        return Params.of(SPECS, flat);
    }

    /** The group whose choice parameter is {@code name}, or null. */
    private static Group group(String name) {
        return GROUPS.stream().filter(g -> g.name().equals(name)).findFirst().orElse(null);
    }

    /** The group an entry's setting ("optimizer.adam.beta1") belongs to, or null for a plain setting. */
    private static Group groupOfSetting(String name) {
        return GROUPS.stream().filter(g -> name.startsWith(g.name() + ".")).findFirst().orElse(null);
    }

    /** The chosen entry of a group choice, for labels: "Adam". */
    public static String choiceLabel(Params p, String name) { return spec(name).choiceLabel(p.getString(name)); }

    /** The settings that apply, as people read them (label → value, choices by their names), for the run list and the CLI. */
    public static Map<String, String> describe(Params p) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ParamSpec s : SPECS) if (p.applies(s.name())) out.put(s.label(), valueText(s, p.get(s.name())));
        return out;
    }

    /** One value as people read it: "Adam", "0.003", "1e-08", "on". */
    public static String valueText(ParamSpec spec, Object value) {
        return switch (spec.type()) {
            case CHOICE -> spec.choiceLabel(String.valueOf(value));
            case BOOLEAN -> TEXT.get(Boolean.TRUE.equals(value) ? "on" : "off");
            case FLOAT -> number(((Number) value).doubleValue());
            default -> String.valueOf(value);
        };
    }

    private static String number(double d) {
        if (d == 0) return "0";
        double a = Math.abs(d);
        if (a >= 1e-4 && a < 1e7) return java.math.BigDecimal.valueOf(d).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
        return String.format(java.util.Locale.ROOT, "%.3g", d);
    }
}
