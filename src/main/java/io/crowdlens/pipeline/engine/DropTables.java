package io.crowdlens.pipeline.engine;

import io.crowdlens.pipeline.drop.DropException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a drop lives in a Trino catalog: one schema with the tables {@value #EVENTS} (device_id, cell_id,
 * ts; optionally source_file), {@value #OPTOUTS} (device_id) and, optionally, {@value #MALFORMED_EVENTS}
 * (source_file, line_number, line: the lines the first pass could not read, see
 * {@code io.crowdlens.pipeline.lake.LakeExport}). Named as {@code catalog.schema}.
 */
public record DropTables(String catalog, String schema) {

    public static final String EVENTS = "events";
    public static final String OPTOUTS = "optouts";
    public static final String MALFORMED_EVENTS = "malformed_events";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public DropTables {
        if (!IDENTIFIER.matcher(catalog).matches() || !IDENTIFIER.matcher(schema).matches()) {
            throw new IllegalArgumentException("drop tables must be named catalog.schema (letters, digits, _), was "
                    + catalog + "." + schema);
        }
        catalog = catalog.toLowerCase(Locale.ROOT);
        schema = schema.toLowerCase(Locale.ROOT);
    }

    /** Parses {@code catalog.schema}. */
    public static DropTables parse(String text) {
        String[] parts = text == null ? new String[0] : text.strip().split("\\.", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("drop tables must be named catalog.schema, was '" + text + "'");
        }
        return new DropTables(parts[0], parts[1]);
    }

    String table(String name) {
        return quote(catalog) + "." + quote(schema) + "." + quote(name);
    }

    String name(String table) {
        return catalog + "." + schema + "." + table;
    }

    /**
     * The columns of the drop's tables and their Trino types, lower case, in one metadata query (each
     * costs a round trip to the metastore); a table that does not exist has none.
     */
    Map<String, Map<String, String>> columns(Connection connection) {
        Map<String, Map<String, String>> tables = new LinkedHashMap<>();
        for (String table : new String[] {EVENTS, OPTOUTS, MALFORMED_EVENTS}) {
            tables.put(table, new LinkedHashMap<>());
        }
        String sql = "select table_name, column_name, data_type from " + quote(catalog) + ".information_schema.columns"
                + " where table_schema = '" + schema + "' and table_name in ('" + EVENTS + "', '" + OPTOUTS + "', '"
                + MALFORMED_EVENTS + "') order by table_name, ordinal_position";
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                tables.get(rs.getString(1).toLowerCase(Locale.ROOT))
                        .put(rs.getString(2).toLowerCase(Locale.ROOT), rs.getString(3).toLowerCase(Locale.ROOT));
            }
        } catch (SQLException e) {
            throw new DropException("the drop's tables in " + catalog + "." + schema + " cannot be read: " + Scratch.firstLine(e), e);
        }
        return tables;
    }

    static void require(Map<String, String> columns, String table, String... names) {
        if (columns.isEmpty()) {
            throw new DropException("the drop's table " + table + " does not exist");
        }
        for (String name : names) {
            if (!columns.containsKey(name)) {
                throw new DropException(table + " lacks the column " + name + " (it has " + String.join(", ", columns.keySet()) + ")");
            }
        }
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public String toString() {
        return catalog + "." + schema;
    }
}
