package io.crowdlens.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdlens.pipeline.drop.FileCounts;
import io.crowdlens.pipeline.drop.RejectReason;
import io.crowdlens.pipeline.engine.EngineKind;
import io.crowdlens.testing.OnH2;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 20's hostile drops: each gives a one-line reason naming the file, the line or byte offset and
 * the cause, publishes nothing, and never echoes content of a file that is not a valid drop file; a
 * drop that does publish accounts for every row it read (read = accepted + opted out + rejected).
 */
@OnH2
class HostileDropsTest {

    @Autowired PipelineRunner pipeline;
    @Autowired DSLContext db;

    @TempDir
    Path temp;

    Path drop;
    Map<String, List<Record>> served;

    @BeforeEach
    void handCountedDrop() {
        drop = TestDrops.copy(HandCountedDrop.NAME, temp.resolve("drop"));
        served = PublishedPresence.snapshot(db);
    }

    @Test
    void nulBytesInAnEventsFileAreNamedWithLineAndOffset() throws IOException {
        byte[] text = Files.readAllBytes(drop.resolve("events.csv"));
        byte[] garbage = new byte[text.length + 8];
        System.arraycopy(text, 0, garbage, 0, text.length);
        garbage[text.length] = 'd';
        garbage[text.length + 1] = 0;
        Files.write(drop.resolve("events.csv"), garbage);

        assertFailsPublishingNothing("events.csv line 47 (byte offset " + (text.length + 1)
                + ") holds a NUL byte: binary content, not CSV text");
    }

    @Test
    void utf16WithAByteOrderMarkIsNamed() throws IOException {
        Files.write(drop.resolve("events.csv"), Files.readString(drop.resolve("events.csv")).getBytes(StandardCharsets.UTF_16));

        assertFailsPublishingNothing("events.csv is UTF-16 text (byte order mark at byte 0); the drop format is UTF-8: save it as UTF-8");
    }

    @Test
    void utf16WithoutAByteOrderMarkIsNamed() throws IOException {
        Files.write(drop.resolve("events.csv"), Files.readString(drop.resolve("events.csv")).getBytes(StandardCharsets.UTF_16LE));

        assertFailsPublishingNothing("events.csv is UTF-16 text (every other byte is NUL, from byte offset 0)");
    }

    @Test
    void aCompressedEventsFileIsNamed() throws IOException {
        byte[] text = Files.readAllBytes(drop.resolve("events.csv"));
        try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(drop.resolve("events.csv")))) {
            out.write(text);
        }

        assertFailsPublishingNothing("events.csv is gzip-compressed, not CSV text (byte offset 0): unpack it into the drop");
    }

    @Test
    void anEmptyEventsFileFailsTheRunWithNothingToPublish() {
        TestDrops.write(drop, "events.csv", "");

        assertFailsPublishingNothing("no event rows: every event file is empty or holds only its header (events.csv); nothing to publish");
    }

    @Test
    void aHeaderOnlyEventsFileFailsTheRunWithNothingToPublish() {
        TestDrops.write(drop, "events.csv", "device_id,cell_id,ts\n");

        assertFailsPublishingNothing("no event rows: every event file is empty or holds only its header (events.csv); nothing to publish");
    }

    @Test
    void aFileSeparatedBySemicolonsIsNamed() throws IOException {
        TestDrops.write(drop, "events.csv", Files.readString(drop.resolve("events.csv")).replace(',', ';'));

        assertFailsPublishingNothing("events.csv line 1: the header is separated by ';', not ','; the drop format is comma-separated");
    }

    @Test
    void aFinalLineOverTheLineLimitFailsNamingTheLineAndTheSetting() {
        TestDrops.append(drop, "events.csv", "d01,c1," + "9".repeat(70_000));

        assertFailsPublishingNothing("events.csv line 47 is longer than 65,536 bytes, above the limit of 65,536 bytes"
                + " (crowdlens.pipeline.limits.max-line-bytes)");
    }

    @Test
    void aLongFinalLineWithoutNewlineIsCountedAndQuarantined() {
        TestDrops.append(drop, "events.csv", "d01,c1,2026-03-02T08:15:00Z," + "x".repeat(40_000));

        RunReport report = tolerant();

        assertThat(report.events().read()).isEqualTo(HandCountedDrop.EVENTS + 1);
        assertThat(report.events().rejected()).containsExactly(Map.entry(RejectReason.MALFORMED, 1L));
        assertEveryRowAccountedFor(report.events());
    }

    @Test
    void oneEmptyFileAmongOthersIsAWarningAndEveryRowIsCounted() throws IOException {
        Files.createDirectories(drop.resolve("events"));
        Files.move(drop.resolve("events.csv"), drop.resolve("events/a.csv"));
        TestDrops.write(drop, "events/b.csv", "device_id,cell_id,ts\n");
        TestDrops.write(drop, "events/c.csv", "");

        RunReport report = tolerant();

        assertThat(report.events().read()).isEqualTo(HandCountedDrop.EVENTS);
        assertEveryRowAccountedFor(report.events());
        assertThat(report.warnings()).contains("events/b.csv holds no event rows (empty or header only)",
                "events/c.csv holds no event rows (empty or header only)");
    }

    @Test
    void hostileRowsOfEveryKindAreAllAccountedFor() {
        TestDrops.append(drop, "events.csv", String.join("\n",
                "d01,c1", ",c1,2026-03-02T08:15:00Z", "d01,c1,not-a-time",
                "d01,c9,2026-03-02T08:15:00Z", "d01,c1,2026-03-02T08:15:00+01:00", "   ", "d01,c1,2026-03-09T08:15:00Z", "",
                "d99,c1,2026-03-02T08:15:00Z,extra,fields", "d01,c1,1772435700000"));

        RunReport report = tolerant();

        assertEveryRowAccountedFor(report.events());
        assertThat(report.events().read()).isEqualTo(HandCountedDrop.EVENTS + 9);
    }

    @Test
    void aManifestLinkedToASystemFileIsRefusedWithoutEchoingIt() throws IOException {
        Files.delete(drop.resolve("manifest.json"));
        Files.createSymbolicLink(drop.resolve("manifest.json"), Path.of("/etc/passwd"));

        assertFailsPublishingNothing("manifest.json is a link to a file outside the drop directory");
        assertThatThrownBy(() -> run(strict())).message().doesNotContain("root");
    }

    @Test
    void eventsLinkedToAFileOutsideTheDropAreRefused() throws IOException {
        Path outside = Files.move(drop.resolve("events.csv"), temp.resolve("elsewhere.csv"));
        Files.createSymbolicLink(drop.resolve("events.csv"), outside);

        assertFailsPublishingNothing("events.csv is a link to a file outside the drop directory; the pipeline reads only"
                + " files inside the drop (copy the file in, or allow links with crowdlens.pipeline.limits.allow-links-out-of-drop=true)");
    }

    @Test
    void aPeriodOfCenturiesFailsFastNamingTheBound() {
        TestDrops.write(drop, "manifest.json", """
                {"dropId": "hand-counted", "periodFrom": "2026-03-02", "periodTo": "3126-03-03",
                 "timeZone": "Europe/Berlin", "optOutListVersion": "2026-03-04"}""");

        assertFailsPublishingNothing("manifest.json: the period 2026-03-02..3126-03-03 is 401,768 days".replace(",", "")
                + ", above the limit of 366 days (crowdlens.pipeline.limits.max-period-days)");
    }

    private void assertFailsPublishingNothing(String reason) {
        assertThatThrownBy(() -> run(strict()))
                .isInstanceOf(RunFailedException.class)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(e.getMessage()).as("one line").doesNotContain("\n"));
        assertThat(PublishedPresence.snapshot(db)).isEqualTo(served);
    }

    private static void assertEveryRowAccountedFor(FileCounts events) {
        assertThat(events.accepted() + events.optedOut() + events.rejectedTotal()).as("read = accepted + opted out + rejected")
                .isEqualTo(events.read());
    }

    private RunReport tolerant() {
        return run(strict().withMaxRejectRate(1.0));
    }

    private RunReport run(RunOptions options) {
        return pipeline.run(drop, options);
    }

    private RunOptions strict() {
        return RunOptions.defaults().withEngine(EngineKind.DUCKDB).withMinimumCrowd(10).withOutputDirectory(temp.resolve("run"));
    }
}
