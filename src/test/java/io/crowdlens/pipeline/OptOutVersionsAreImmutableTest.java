package io.crowdlens.pipeline;

import static io.crowdlens.db.Tables.OPTOUT_LIST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdlens.pipeline.engine.EngineKind;
import io.crowdlens.testing.OnH2;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 20: an opt-out list version reused with other content (55 devices, then 60, same label) was
 * silently ignored by the register. A version now names one list for good: its size and digest are
 * recorded, and other content under the same label fails the run before any work.
 */
@OnH2
@TestPropertySource(properties = "crowdlens.pipeline.refuse-reused-optout-versions=true")
class OptOutVersionsAreImmutableTest {

    @Autowired PipelineRunner pipeline;
    @Autowired DSLContext db;

    @TempDir
    Path temp;

    @Test
    void theSameVersionWithOtherDevicesIsRefusedAndPublishesNothing() {
        Path drop = TestDrops.copy(HandCountedDrop.NAME, temp.resolve("drop"));
        TestDrops.write(drop, "manifest.json", manifest("immutable-v1"));
        TestDrops.write(drop, "optouts.csv", "device_id,received_on\nd11,2026-03-03\nd12,2026-03-03\n");
        pipeline.run(drop, options("first"));
        Map<String, List<Record>> served = PublishedPresence.snapshot(db);
        TestDrops.write(drop, "optouts.csv", "device_id,received_on\nd11,2026-03-03\nd12,2026-03-03\nd13,2026-03-03\n");

        assertThatThrownBy(() -> pipeline.run(drop, options("second")))
                .isInstanceOf(RunFailedException.class)
                .hasMessageStartingWith("opt-out list version immutable-v1 was registered before with other content (2 devices, digest ")
                .hasMessageContaining("; this list: 3 devices, digest ")
                .hasMessageEndingWith("a version names one list for good; give the new list a new version");
        assertThat(PublishedPresence.snapshot(db)).isEqualTo(served);
    }

    @Test
    void theSameListAgainUnderItsVersionIsFineAndItsDigestIsRecorded() {
        Path drop = TestDrops.copy(HandCountedDrop.NAME, temp.resolve("drop"));
        TestDrops.write(drop, "manifest.json", manifest("immutable-v2"));
        TestDrops.write(drop, "optouts.csv", "device_id,received_on\nd11,2026-03-03\nd12,2026-03-03\n");
        pipeline.run(drop, options("first"));
        // the same devices in another order, with blanks: the same list
        TestDrops.write(drop, "optouts.csv", "device_id,received_on\n d12 ,2026-03-03\nd11,2026-03-03\n");

        pipeline.run(drop, options("second"));

        var row = db.selectFrom(OPTOUT_LIST).where(OPTOUT_LIST.VERSION.eq("immutable-v2")).fetchSingle();
        assertThat(row.getDevices()).isEqualTo(2);
        assertThat(row.getContentDigest()).hasSize(64).matches("[0-9a-f]+");
    }

    private RunOptions options(String folder) {
        return RunOptions.defaults().withEngine(EngineKind.DUCKDB).withMinimumCrowd(10).withMaxRejectRate(1.0)
                .withOutputDirectory(temp.resolve(folder));
    }

    private static String manifest(String version) {
        return """
                {"dropId": "hand-counted", "periodFrom": "2026-03-02", "periodTo": "2026-03-03",
                 "timeZone": "Europe/Berlin", "optOutListVersion": "%s"}""".formatted(version);
    }
}
