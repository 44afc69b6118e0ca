package io.crowdlens.export;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * File names that say what a file holds, safe on every file system:
 * {@code crowdlens-presence-average-hourly-districts-2026-10-19-to-2026-10-25-weekdays-08-09h-release-3.csv}.
 */
public final class ExportFileName {

    private static final int MAX_LENGTH = 180;

    private ExportFileName() {
    }

    /** "crowdlens-" + the parts, each reduced to lower-case ASCII letters, digits and dashes, + ".csv". */
    public static String csv(String... parts) {
        List<String> slugs = new ArrayList<>();
        slugs.add("crowdlens");
        for (String part : parts) {
            String slug = slug(part);
            if (!slug.isEmpty()) {
                slugs.add(slug);
            }
        }
        String name = String.join("-", slugs);
        if (name.length() > MAX_LENGTH) {
            name = name.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return name + ".csv";
    }

    static String slug(String text) {
        if (text == null) {
            return "";
        }
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }
}
