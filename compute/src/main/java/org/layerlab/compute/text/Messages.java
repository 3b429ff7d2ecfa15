package org.layerlab.compute.text;

import java.text.MessageFormat;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * User-visible text from one resource bundle (English, Simplified Chinese), formatted as MessageFormat patterns.
 * Every module keeps its bundles under {@code org/layerlab/<module>/i18n/}; a feature may have a bundle of its own.
 * The language is {@link Locale#getDefault()} at the time of the call, so switching it changes new text at once.
 */
public final class Messages {
    private final String baseName;
    private final ClassLoader loader;

    private Messages(String baseName, ClassLoader loader) {
        this.baseName = baseName;
        this.loader = loader;
    }

    /** The bundle {@code baseName} (e.g. "org.layerlab.app.i18n.files"), loaded with {@code anchor}'s class loader. */
    public static Messages of(String baseName, Class<?> anchor) {
        return new Messages(baseName, anchor.getClassLoader());
    }

    /** The text for {@code key} with {@code args} filled in; a missing key shows as "!key!" rather than failing. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle().getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        String text = args.length == 0 ? pattern : new MessageFormat(pattern, Locale.getDefault()).format(args);
        ORIGINS.put(text, new Origin(this, key, args.clone(), false));
        return text;
    }

    /**
     * The text for {@code key} read as a MessageFormat pattern without arguments, so a quote written {@code ''}
     * reads as one ({@code "batch''s"} gives "batch's"); remembered like {@link #get}'s texts for a relabelling.
     */
    public String text(String key) {
        String pattern;
        try {
            pattern = bundle().getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        String text = pattern.indexOf('\'') < 0 ? pattern : new MessageFormat(pattern, Locale.getDefault()).format(new Object[0]);
        ORIGINS.put(text, new Origin(this, key, new Object[0], true));
        return text;
    }

    /**
     * Where {@code text} came from, as this program last produced it through some bundle; null when it did not come
     * from a bundle (or was produced too long ago to be remembered). This lets a switch of language at run time
     * relabel a window already built: {@link Origin#text()} produces it again in the current language.
     */
    public static Origin origin(String text) {
        return text == null ? null : ORIGINS.get(text);
    }

    /** {@code text} produced again in the current language, or null (see {@link #origin}). */
    public static String retranslate(String text) {
        Origin o = origin(text);
        return o == null ? null : o.text();
    }

    /** A text's bundle, key and arguments; {@code plain} for a {@link #text} look-up. */
    public record Origin(Messages messages, String key, Object[] args, boolean plain) {
        public Origin(Messages messages, String key, Object[] args) { this(messages, key, args, false); }

        /**
         * The text in the current language. An argument that is itself a bundle text ("Add Dense" in "Undo {0}")
         * is produced again too, so a composed sentence follows the language as a whole.
         */
        public String text() {
            if (plain) return messages.text(key);
            Object[] again = args.clone();
            for (int i = 0; i < again.length; i++) {
                if (again[i] instanceof String s) {
                    Origin o = origin(s);
                    if (o != null && o != this) again[i] = o.text();
                }
            }
            return messages.get(key, again);
        }
    }

    /** The texts produced lately and where they came from; bounded, as formatted texts (a status line) keep coming. */
    private static final Map<String, Origin> ORIGINS = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<String, Origin> eldest) { return size() > 20_000; }
    });

    /** Whether the bundle has {@code key} (for optional texts such as per-entry explanations). */
    public boolean has(String key) { return bundle().containsKey(key); }

    private ResourceBundle bundle() {
        return ResourceBundle.getBundle(baseName, Locale.getDefault(), loader);
    }
}
