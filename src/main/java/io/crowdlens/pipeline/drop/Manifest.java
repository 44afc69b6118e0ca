package io.crowdlens.pipeline.drop;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What a drop covers (docs/drop-format.md, manifest.json).
 *
 * @param periodFrom first local date covered (inclusive)
 * @param periodTo last local date covered (inclusive)
 */
public record Manifest(String dropId, LocalDate periodFrom, LocalDate periodTo, ZoneId timeZone,
        String optOutListVersion, int h3Resolution) {

    public static final int DEFAULT_H3_RESOLUTION = 8;

    public String h3LayerCode() {
        return "h3r" + h3Resolution;
    }
}
