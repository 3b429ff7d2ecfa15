package org.layerlab.app.ui;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.layerlab.compute.catalog.CatalogEntry;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.catalog.ParamType;
import org.layerlab.compute.data.DataSources;
import org.layerlab.compute.layers.LayerTypes;
import org.layerlab.compute.nn.Activations;
import org.layerlab.compute.nn.Initializers;
import org.layerlab.compute.nn.Losses;
import org.layerlab.compute.nn.Optimizers;
import org.layerlab.compute.nn.Schedules;
import org.layerlab.compute.train.TrainingSettings;

/**
 * The Help panel's topics, written from the catalogs' own declarations: every layer, activation, loss, optimizer,
 * schedule, initialiser, data source and run setting with its plain-language explanation and its settings. Nothing
 * here is written twice: a new catalog entry has its help page at once.
 */
final class HelpTopics {
    private HelpTopics() {}

    /** One page: a group ("Layers"), a title, an id to find it by ("layer/dense") and its CommonMark text. */
    record Topic(String group, String title, String id, String markdown) {
        boolean matches(String query) {
            String q = query.strip().toLowerCase(Locale.ROOT);
            return q.isEmpty() || title.toLowerCase(Locale.ROOT).contains(q) || markdown.toLowerCase(Locale.ROOT).contains(q);
        }
    }

    static List<Topic> all() {
        List<Topic> t = new ArrayList<>();
        add(t, "group.layers", "layer", LayerTypes.CATALOG.all());
        add(t, "group.activations", "activation", Activations.CATALOG.all());
        add(t, "group.losses", "loss", Losses.CATALOG.all());
        add(t, "group.optimizers", "optimizer", Optimizers.CATALOG.all());
        add(t, "group.schedules", "schedule", Schedules.CATALOG.all());
        add(t, "group.initializers", "initializer", Initializers.CATALOG.all());
        add(t, "group.data", "data", DataSources.CATALOG.all());
        String group = HelpWindow.TEXT.get("group.settings");
        for (ParamSpec s : TrainingSettings.SPECS) {
            if (s.shownWhen() != null) continue; // an optimizer's or schedule's own settings are on its page
            t.add(new Topic(group, s.label(), "setting/" + s.name(), "# " + s.label() + "\n\n" + s.description() + "\n\n" + range(s)));
        }
        return t;
    }

    private static void add(List<Topic> topics, String groupKey, String kind, Collection<? extends CatalogEntry> entries) {
        String group = HelpWindow.TEXT.get(groupKey);
        for (CatalogEntry e : entries) topics.add(new Topic(group, e.displayName(), kind + "/" + e.id(), page(e)));
    }

    /** "# Dense", its explanation, then each setting with its explanation and allowed values. */
    static String page(CatalogEntry e) {
        StringBuilder md = new StringBuilder("# ").append(e.displayName()).append("\n\n").append(e.description()).append("\n");
        List<ParamSpec> shown = e.params().stream().filter(p -> p.type() != ParamType.TEXT).toList();
        if (!shown.isEmpty()) {
            md.append("\n## ").append(HelpWindow.TEXT.get("settings")).append("\n\n");
            for (ParamSpec p : shown) {
                md.append("- **").append(p.label()).append("**: ").append(p.description());
                String r = range(p);
                if (!r.isEmpty()) md.append(" ").append(r);
                md.append("\n");
            }
        }
        return md.toString();
    }

    /** The values a setting takes, in words ("Default 32; 1 to 1000000."). */
    static String range(ParamSpec p) {
        Object def = p.defaultValue();
        return switch (p.type()) {
            case INT -> HelpWindow.TEXT.get("range.int", def, (long) p.min(), (long) p.max());
            case FLOAT -> HelpWindow.TEXT.get("range.real", def, p.min(), p.max());
            case BOOLEAN -> HelpWindow.TEXT.get("range.bool", Boolean.TRUE.equals(def) ? 1 : 0);
            case CHOICE -> HelpWindow.TEXT.get("range.choice", p.choiceLabel(String.valueOf(def)),
                    String.join(HelpWindow.TEXT.get("listSeparator"), p.choices().stream().map(p::choiceLabel).toList()));
            default -> "";
        };
    }
}
