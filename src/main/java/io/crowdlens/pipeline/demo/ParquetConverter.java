package io.crowdlens.pipeline.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Turns a generated events CSV into Parquet with DuckDB, streaming, then deletes the CSV. */
final class ParquetConverter {

    private ParquetConverter() {
    }

    static void convert(Path csv, Path parquet) throws IOException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            // One thread keeps the row order, and so the file, the same from run to run.
            statement.execute("SET threads = 1");
            statement.execute("COPY (SELECT * FROM read_csv(" + quoted(csv) + ", header = true, auto_detect = false,"
                    + " columns = {'device_id': 'VARCHAR', 'cell_id': 'VARCHAR', 'ts': 'BIGINT'}))"
                    + " TO " + quoted(parquet) + " (FORMAT parquet)");
        } catch (SQLException e) {
            throw new IOException("Could not convert " + csv + " to Parquet: " + e.getMessage(), e);
        }
        Files.delete(csv);
    }

    private static String quoted(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
