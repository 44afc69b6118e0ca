package io.crowdlens.pipeline.publish;

import java.util.List;
import java.util.function.Function;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Query;

/** Inserts many rows with one prepared statement, a few thousand binds per round trip. */
public final class Batches {

    static final int ROWS_PER_BATCH = 5_000;

    private Batches() {
    }

    /**
     * @param insert the statement with placeholder values (e.g. {@code values((Long) null, null)})
     * @param binds the bind values of one row, in the statement's column order
     */
    public static <T> void insert(DSLContext db, List<T> rows, Query insert, Function<T, Object[]> binds) {
        for (List<T> chunk : chunks(rows)) {
            BatchBindStep batch = db.batch(insert);
            for (T row : chunk) {
                batch.bind(binds.apply(row));
            }
            batch.execute();
        }
    }

    static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i += ROWS_PER_BATCH) {
            chunks.add(all.subList(i, Math.min(all.size(), i + ROWS_PER_BATCH)));
        }
        return chunks;
    }
}
