package io.crowdlens.pipeline.engine;

import java.util.Locale;

/** Where the drop is processed (docs/decisions/001-pipeline-engines.md). */
public enum EngineKind {
    /** In-process, reads the drop's files where they lie. The default. */
    DUCKDB,
    /** The drop is loaded into tables of a scratch schema in PostgreSQL. */
    POSTGRES;

    public static EngineKind parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown engine '" + text + "': use duckdb or postgres");
        }
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
