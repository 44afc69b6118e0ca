package io.crowdlens.export;

/**
 * One column of a CSV export. A {@link Type#FIGURE} column holds a protected figure: the writer adds
 * a companion column {@code <name>_suppressed} after it, and writes a suppressed figure (a
 * {@code null} value) as an empty cell with the flag {@code true}: never as 0.
 *
 * @param name header text: lower case, digits and underscores (stable for scripts)
 */
public record ExportColumn(String name, Type type) {

    public enum Type {
        /** Free text (names from operator files): quoted as needed and neutralised against formulas. */
        TEXT,
        /** A number that is not a protected figure (an id, an hour of day). */
        NUMBER,
        /** A {@link java.time.LocalDate}, written ISO-8601. */
        DATE,
        /** A protected figure: {@code Long}/{@code Integer}, or {@code null} when suppressed. */
        FIGURE
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
}
