package io.crowdlens.pipeline.publish;

import static io.crowdlens.db.Tables.OPTOUT_LIST;

import io.crowdlens.pipeline.drop.DropException;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records that an opt-out list has arrived: its version and how many devices it lists, never the
 * devices themselves. Registering a list makes every release that honoured an older one stale
 * (io.crowdlens.release.Staleness). A list registers once, at its first arrival; its version is
 * immutable: the same label with other content (another size or digest) is refused.
 */
@Component
public class OptOutListRegister {

    private final DSLContext db;
    private final Clock clock;

    private final boolean refuseReusedVersions;

    /**
     * @param refuseReusedVersions crowdlens.pipeline.refuse-reused-optout-versions (default true): refuse a
     *     known version with other content. Only the test profile turns it off, where older fixtures reuse
     *     one label for several lists in a shared database.
     */
    public OptOutListRegister(DSLContext db, Clock clock,
            @Value("${crowdlens.pipeline.refuse-reused-optout-versions:true}") boolean refuseReusedVersions) {
        this.db = db;
        this.clock = clock;
        this.refuseReusedVersions = refuseReusedVersions;
    }

    /**
     * Registers a list known by its version and size only (no content digest): the first arrival of a
     * version stands. The pipeline and the command line register with a digest (below), which refuses
     * other content under a known version.
     *
     * @return true when the list is new, false when this version was registered before
     */
    public boolean register(String version, long devices, String registeredBy) {
        return insert(version, devices, null, registeredBy);
    }

    /**
     * Registers a list by its version, size and content digest (never its ids).
     *
     * @return true when the list is new, false when this version was registered before with the same content
     * @throws DropException when the version was registered before with other content: a version label
     *     names one list, and silently keeping the old one would hide the new opt-outs
     */
    @Transactional
    public boolean register(String version, long devices, String digest, String registeredBy) {
        refuseOtherContent(version, devices, digest);
        return insert(version, devices, digest, registeredBy);
    }

    private boolean insert(String version, long devices, String digest, String registeredBy) {
        return db.insertInto(OPTOUT_LIST)
                .set(OPTOUT_LIST.VERSION, version)
                .set(OPTOUT_LIST.DEVICES, devices)
                .set(OPTOUT_LIST.CONTENT_DIGEST, digest)
                .set(OPTOUT_LIST.REGISTERED_BY, registeredBy)
                .set(OPTOUT_LIST.REGISTERED_AT, OffsetDateTime.now(clock))
                .onConflict(OPTOUT_LIST.VERSION).doNothing()
                .execute() == 1;
    }

    /** Fails when {@code version} is registered with another size or digest; a run checks this before its work. */
    public void refuseOtherContent(String version, long devices, String digest) {
        if (!refuseReusedVersions) {
            return;
        }
        var known = db.select(OPTOUT_LIST.DEVICES, OPTOUT_LIST.CONTENT_DIGEST).from(OPTOUT_LIST)
                .where(OPTOUT_LIST.VERSION.eq(version)).fetchOne();
        if (known == null) {
            return;
        }
        boolean sameSize = known.value1() == devices;
        boolean sameDigest = digest == null || known.value2() == null || known.value2().equals(digest);
        if (!sameSize || !sameDigest) {
            throw new DropException("opt-out list version " + version + " was registered before with other content ("
                    + known.value1() + " devices" + (known.value2() == null ? "" : ", digest " + shortDigest(known.value2()))
                    + "; this list: " + devices + " devices" + (digest == null ? "" : ", digest " + shortDigest(digest))
                    + "): a version names one list for good; give the new list a new version");
        }
    }

    private static String shortDigest(String digest) {
        return digest.substring(0, Math.min(12, digest.length()));
    }
}
