package io.crowdlens.pipeline.engine;

import io.crowdlens.pipeline.drop.QuarantineFile;
import io.crowdlens.pipeline.geography.CellArea;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.impl.DSL;

/**
 * An SQL engine holding one run's drop in scratch space: it stages the relations of
 * {@link io.crowdlens.pipeline.presence.ScratchTables} and runs the queries rendered for its dialect.
 * Closing it deletes everything the run put there, whether the run succeeded or not.
 */
public interface PipelineEngine extends AutoCloseable {

    EngineKind kind();

    /** Renders and runs queries for this engine; statement logging is off (bind values include the run key). */
    DSLContext sql();

    void stageCells(Collection<String> cellKeys, Collection<CellArea> cellAreas);

    /**
     * The run's re-keying secret as the queries use it: by default the secret held in Java memory, as a
     * bind value (never part of the SQL text). An engine whose driver writes bind values into the query
     * text it logs keeps a secret of its own where no query shows it (see TrinoEngine).
     */
    default Field<String> runKey(String secret) {
        return DSL.val(secret);
    }

    /** Stages optouts.csv; a row that cannot be read fails the run, since skipping it would publish an opted-out device. */
    long stageOptOuts(Path file);

    /** Makes the event files readable as raw_event. Rows with the wrong shape are held back as malformed. */
    void stageEvents(List<Path> files, QuarantineFile quarantine);

    /**
     * Writes the malformed event rows found while staging or by the first full read of raw_event to
     * quarantine; returns how many. Afterwards raw_event can be read again without counting them twice.
     */
    long quarantineMalformedEvents(QuarantineFile quarantine);

    /** Runs one long statement, reporting progress under the step's name. */
    void execute(String step, Query query);

    @Override
    void close();
}
