package io.crowdlens.export;

/**
 * One column of a CSV export. A {@link Type#FIGURE} column holds a protected figure
 * ({@link io.crowdlens.common.Figure}): the writer adds companion columns {@code <name>_margin95} and
 * {@code <name>_suppressed} after it, and writes a hidden figure as an empty cell, an empty margin and
 * the flag {@code true}: never as 0.
 *
 * @param name header text: lower case, digits and underscores (stable for scripts)
 * @param decimals for FIGURE columns: decimals of the value (0 for counts, 1 for averages of a few days)
 */
public record ExportColumn(String name, Type type, int decimals) {

    public enum Type {
        /** Free text (names from operator files): quoted as needed and neutralised against formulas. */
        TEXT,
        /** A number that is not a protected figure (an id, an hour of day). */
        NUMBER,
        /** A {@link java.time.LocalDate}, written ISO-8601. */
        DATE,
        /** A protected figure: a {@link io.crowdlens.common.Figure}. */
        FIGURE
    }

    public ExportColumn(String name, Type type) {
        this(name, type, 0);
    }

    public ExportColumn {
        if (name == null || !name.matches("[a-z][a-z0-9_]*") || type == null) {
            throw new IllegalArgumentException("column names are lower case letters, digits and underscores: " + name);
        }
    }

    public static ExportColumn text(String name) {
        return new ExportColumn(name, Type.TEXT);
    }

    public static ExportColumn number(String name) {
        return new ExportColumn(name, Type.NUMBER);
    }

    public static ExportColumn date(String name) {
        return new ExportColumn(name, Type.DATE);
    }

    public static ExportColumn figure(String name) {
        return new ExportColumn(name, Type.FIGURE);
    }

    /** A figure written with {@code decimals} decimals (averages). */
    public static ExportColumn figure(String name, int decimals) {
        return new ExportColumn(name, Type.FIGURE, decimals);
    }
}
