package io.crowdlens.pipeline.cli;

import static io.crowdlens.db.Tables.AUDIT_EVENT;
import static io.crowdlens.db.Tables.DATA_RELEASE;
import static org.assertj.core.api.Assertions.assertThat;

import io.crowdlens.testing.OnH2;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The privacy and withdrawal commands as an operator types them: {@code privacy ledger}, {@code privacy
 * raise-cap} and {@code releases withdraw}. The context's database is shared with other tests, so the
 * ledger's spend is read before and after a run rather than assumed to start at zero.
 */
@OnH2
class OperatorManagesPrivacyAndWithdrawalsTest {

    static final Pattern LEDGER_LINE = Pattern.compile("(?m)^(2026-03-0[23])\\s+([0-9.]+)\\s+([0-9.]+)\\s+([0-9.]+)$");

    @Autowired CommandLine commandLine;
    @Autowired DSLContext db;

    @TempDir
    Path temp;

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        return commandLine.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void theLedgerShowsWhatARunSpentPerDayAndACapIsOnlyEverRaisedWithANameAndAReason() throws IOException {
        double[] before = ledger();
        assertThat(run("pipeline", "run", "--drop", handCountedDrop().toString(), "--output",
                temp.resolve("run").toString())).as(err.toString()).isZero();
        double[] after = ledger();
        assertThat(after[0]).as("spent on 2026-03-02").isGreaterThan(before[0]);
        assertThat(after[2]).as("spent on 2026-03-03").isGreaterThan(before[2]);
        double cap = after[1];
        assertThat(out.toString()).contains("rho is zero-concentrated differential privacy per privacy unit");

        assertThat(run("privacy", "raise-cap", "--from", "2026-03-02", "--to", "2026-03-03", "--rho",
                String.valueOf(cap / 2), "--reason", "lower", "--by", "dan")).isEqualTo(CommandLine.FAILED);
        assertThat(err.toString()).contains("a cap is only ever raised");

        assertThat(run("privacy", "raise-cap", "--from", "2026-03-02", "--to", "2026-03-03", "--rho", "-1",
                "--reason", "x", "--by", "dan")).isEqualTo(CommandLine.USAGE);
        assertThat(err.toString()).contains("option --rho needs a positive number, not '-1'");

        org.jooq.Condition thisDecision = AUDIT_EVENT.ACTION.eq("PRIVACY_CAP_RAISED").and(AUDIT_EVENT.ACTOR.eq("dan"))
                .and(AUDIT_EVENT.DETAIL.contains("re-publish after opt-outs"));
        int audited = db.fetchCount(AUDIT_EVENT, thisDecision);
        double raised = cap + 1.5;
        assertThat(run("privacy", "raise-cap", "--from", "2026-03-02", "--to", "2026-03-03", "--rho",
                String.format(Locale.ROOT, "%.4f", raised), "--reason", "re-publish after opt-outs", "--by", "dan"))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains(String.format(Locale.ROOT,
                "The privacy cap of 2026-03-02 to 2026-03-03 is now rho = %.4f per privacy unit", raised));
        assertThat(db.fetchCount(AUDIT_EVENT, thisDecision)).isEqualTo(audited + 1);
        double[] now = ledger();
        assertThat(now[1]).isCloseTo(raised, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(now[3]).isCloseTo(raised, org.assertj.core.data.Offset.offset(1e-4));
    }

    @Test
    void withdrawingTheServedReleaseNeedsAReasonIsAuditedAndCannotBeRepeated() throws IOException {
        assertThat(run("pipeline", "run", "--drop", handCountedDrop().toString(), "--output",
                temp.resolve("run").toString())).as(err.toString()).isZero();
        long served = db.select(DATA_RELEASE.ID).from(DATA_RELEASE)
                .where(DATA_RELEASE.DATASET.eq("PRESENCE").and(DATA_RELEASE.STATUS.eq("PUBLISHED")))
                .orderBy(DATA_RELEASE.ID.desc()).limit(1).fetchSingle().value1();

        assertThat(run("releases", "withdraw", "--id", String.valueOf(served), "--reason", " ", "--by", "dan"))
                .isEqualTo(CommandLine.FAILED);
        assertThat(err.toString()).contains("needs who decided it (--by) and why (--reason)");

        assertThat(run("releases", "withdraw", "--id", String.valueOf(served), "--reason", "wrong cells file",
                "--by", "dan")).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("Release " + served + " (PRESENCE) withdrawn; ");
        assertThat(db.select(DATA_RELEASE.STATUS, DATA_RELEASE.WITHDRAWN_REASON).from(DATA_RELEASE)
                .where(DATA_RELEASE.ID.eq(served)).fetchSingle().intoArray())
                .containsExactly("WITHDRAWN", "wrong cells file");
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("RELEASE_WITHDRAWN")
                .and(AUDIT_EVENT.DETAIL.contains("wrong cells file")))).isEqualTo(1);

        assertThat(run("releases", "withdraw", "--id", String.valueOf(served), "--reason", "again", "--by", "dan"))
                .isEqualTo(CommandLine.FAILED);
        assertThat(err.toString()).contains("release " + served + " is withdrawn, not served");
        assertThat(run("releases", "withdraw", "--id", "987654321", "--reason", "x", "--by", "dan"))
                .isEqualTo(CommandLine.FAILED);
        assertThat(err.toString()).contains("there is no release 987654321");
        assertThat(run("releases", "withdraw", "--id", "abc", "--reason", "x", "--by", "dan"))
                .isEqualTo(CommandLine.USAGE);
    }

    /** Spent and cap of 2026-03-02, then spent and cap of 2026-03-03, as {@code privacy ledger} prints them. */
    private double[] ledger() {
        assertThat(run("privacy", "ledger", "--from", "2026-03-02", "--to", "2026-03-03")).as(err.toString()).isZero();
        Matcher line = LEDGER_LINE.matcher(out.toString());
        double[] values = new double[4];
        int days = 0;
        while (line.find()) {
            values[days * 2] = Double.parseDouble(line.group(2));
            values[days * 2 + 1] = Double.parseDouble(line.group(3));
            days++;
        }
        assertThat(days).as(out.toString()).isEqualTo(2);
        return values;
    }

    private Path handCountedDrop() throws IOException {
        Path drop = Files.createDirectories(temp.resolve("drop"));
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/pipeline/hand-counted"))) {
            for (Path file : files.toList()) {
                Files.copy(file, drop.resolve(file.getFileName()));
            }
        }
        return drop;
    }
}
