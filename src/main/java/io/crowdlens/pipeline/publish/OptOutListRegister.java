package io.crowdlens.pipeline.publish;

import static io.crowdlens.db.Tables.OPTOUT_LIST;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Records that an opt-out list has arrived: its version and how many devices it lists, never the
 * devices themselves. Registering a list makes every release that honoured an older one stale
 * (io.crowdlens.release.Staleness). A list registers once, at its first arrival.
 */
@Component
public class OptOutListRegister {

    private final DSLContext db;
    private final Clock clock;

    public OptOutListRegister(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** @return true when the list is new, false when this version was registered before */
    public boolean register(String version, long devices, String registeredBy) {
        return db.insertInto(OPTOUT_LIST)
                .set(OPTOUT_LIST.VERSION, version)
                .set(OPTOUT_LIST.DEVICES, devices)
                .set(OPTOUT_LIST.REGISTERED_BY, registeredBy)
                .set(OPTOUT_LIST.REGISTERED_AT, OffsetDateTime.now(clock))
                .onConflict(OPTOUT_LIST.VERSION).doNothing()
                .execute() == 1;
    }
}
