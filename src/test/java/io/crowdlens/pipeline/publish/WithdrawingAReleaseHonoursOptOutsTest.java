package io.crowdlens.pipeline.publish;

import static io.crowdlens.db.Tables.AUDIT_EVENT;
import static io.crowdlens.db.Tables.DATA_RELEASE;
import static io.crowdlens.db.Tables.OPTOUT_LIST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdlens.audit.AuditAction;
import io.crowdlens.common.Dataset;
import io.crowdlens.release.ReleaseCatalogue;
import io.crowdlens.release.ReleaseSummary;
import io.crowdlens.testing.Fixtures;
import io.crowdlens.testing.OnH2;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.annotation.Transactional;

/**
 * docs/privacy.md, "Opting out": a withdrawn release falls back only to an earlier release that honours
 * the current opt-out list, otherwise nothing is served; and a served release that ignores a list which
 * arrived longer ago than the opt-out grace (7 days) stops being served, so a refused or forgotten
 * re-publication cannot keep showing devices that opted out. Each test rolls back.
 */
@OnH2
@Transactional
@WithMockUser(roles = "DATA_OPERATOR")
class WithdrawingAReleaseHonoursOptOutsTest {

    static final LocalDate FROM = LocalDate.of(2026, 10, 19);

    @Autowired DSLContext db;
    @Autowired ReleaseWithdrawal withdrawal;
    @Autowired ReleaseCatalogue catalogue;

    String oldList;
    String newList;

    @BeforeEach
    void onlyThisTestsReleasesAndTwoOptOutLists() {
        // releases other tests committed in this database are set aside (rolled back with the test)
        db.update(DATA_RELEASE).set(DATA_RELEASE.STATUS, "WITHDRAWN")
                .where(DATA_RELEASE.DATASET.eq(Dataset.PRESENCE.name())).execute();
        String run = Long.toString(System.nanoTime(), 36);
        oldList = "old-" + run;
        newList = "new-" + run;
        list(oldList, OffsetDateTime.now().minusDays(30));
        list(newList, OffsetDateTime.now().minusHours(1));
    }

    @Test
    void withdrawingFallsBackToTheNewestEarlierReleaseThatHonoursTheCurrentList() {
        long stale = release("SUPERSEDED", oldList, 3);
        long honouring = release("SUPERSEDED", newList, 2);
        long served = release("PUBLISHED", newList, 1);
        assertThat(servedId()).contains(served);

        ReleaseWithdrawal.Outcome outcome = withdrawal.withdraw(served, "olga@operator.test", "wrong cell file");

        assertThat(outcome.nowServed()).contains(honouring);
        assertThat(servedId()).contains(honouring);
        assertThat(status(served)).isEqualTo("WITHDRAWN");
        assertThat(status(stale)).isEqualTo("SUPERSEDED");
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq(AuditAction.RELEASE_WITHDRAWN.name())
                .and(AUDIT_EVENT.DETAIL.contains("release " + served + " (PRESENCE) withdrawn: wrong cell file;"
                        + " now serving release " + honouring)))).isEqualTo(1);
    }

    @Test
    void withoutAnEarlierReleaseThatHonoursTheListNothingIsServed() {
        long stale = release("SUPERSEDED", oldList, 2);
        long served = release("PUBLISHED", newList, 1);

        ReleaseWithdrawal.Outcome outcome = withdrawal.withdraw(served, "olga@operator.test", "opt-outs not honoured");

        assertThat(outcome.nowServed()).isEmpty();
        assertThat(servedId()).isEmpty();
        assertThat(status(stale)).as("a release that still counts opted-out devices is never brought back")
                .isEqualTo("SUPERSEDED");
    }

    @Test
    void onlyTheServedReleaseCanBeWithdrawnAndOnlyWithANameAndAReason() {
        long older = release("SUPERSEDED", newList, 2);
        long served = release("PUBLISHED", newList, 1);

        assertThatThrownBy(() -> withdrawal.withdraw(older, "olga@operator.test", "why"))
                .hasMessageContaining("release " + older + " is superseded, not served");
        assertThatThrownBy(() -> withdrawal.withdraw(served, "olga@operator.test", " "))
                .hasMessageContaining("who decided it (--by) and why (--reason)");
        assertThatThrownBy(() -> withdrawal.withdraw(-1, "olga@operator.test", "why")).hasMessage("there is no release -1");
        assertThat(servedId()).contains(served);
    }

    @Test
    void aServedReleaseIgnoringAListStaysServedForTheGraceOnlyThenNothingIs() {
        long served = release("PUBLISHED", oldList, 1);
        assertThat(servedId()).as("the new list arrived an hour ago: the operator has 7 days to re-publish")
                .contains(served);

        db.update(OPTOUT_LIST).set(OPTOUT_LIST.REGISTERED_AT, OffsetDateTime.now().minusDays(8))
                .where(OPTOUT_LIST.VERSION.eq(newList)).execute();

        assertThat(servedId()).as("past the grace the stale release is not served to anyone").isEmpty();
        assertThat(catalogue.served(java.util.Set.of(Dataset.PRESENCE))).isEmpty();
    }

    private Optional<Long> servedId() {
        return catalogue.current(Dataset.PRESENCE).map(ReleaseSummary::id);
    }

    private long release(String status, String list, int daysAgo) {
        long id = new Fixtures(db).publishedRelease(Dataset.PRESENCE, FROM, FROM.plusDays(13), 15);
        db.update(DATA_RELEASE).set(DATA_RELEASE.STATUS, status).set(DATA_RELEASE.OPTOUT_LIST_VERSION, list)
                .set(DATA_RELEASE.PUBLISHED_AT, OffsetDateTime.now().minusDays(daysAgo))
                .where(DATA_RELEASE.ID.eq(id)).execute();
        return id;
    }

    private String status(long id) {
        return db.select(DATA_RELEASE.STATUS).from(DATA_RELEASE).where(DATA_RELEASE.ID.eq(id)).fetchSingle().value1();
    }

    private void list(String version, OffsetDateTime at) {
        db.insertInto(OPTOUT_LIST).set(OPTOUT_LIST.VERSION, version).set(OPTOUT_LIST.DEVICES, 3L)
                .set(OPTOUT_LIST.REGISTERED_AT, at).set(OPTOUT_LIST.REGISTERED_BY, "test").execute();
    }
}
