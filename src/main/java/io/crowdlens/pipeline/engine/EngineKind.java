package io.crowdlens.pipeline.engine;

import java.util.Locale;

/** Where the drop is processed (docs/decisions/001-pipeline-engines.md). */
public enum EngineKind {
    /** In-process, reads the drop's files where they lie. The default. */
    DUCKDB,
    /** The drop is loaded into tables of a scratch schema in PostgreSQL. */
    POSTGRES,
    /** The drop's events and opt-outs are tables of a Trino catalog; scratch tables live in a run-private schema. */
    TRINO;

    public static EngineKind parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown engine '" + text + "': use duckdb, postgres or trino");
        }
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
