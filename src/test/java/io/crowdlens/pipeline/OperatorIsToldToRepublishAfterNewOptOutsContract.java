package io.crowdlens.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdlens.common.Dataset;
import io.crowdlens.pipeline.engine.EngineKind;
import io.crowdlens.pipeline.publish.OptOutListRegister;
import io.crowdlens.pipeline.publish.ReleaseHistory;
import io.crowdlens.release.ReleaseCatalogue;
import io.crowdlens.release.ReleaseSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * PRIVACY.md rule 2: a newer opt-out list makes the served release stale and the operator is told
 * to re-publish; a release made with the newest list is not stale. On each serving database (see
 * the subclasses); list versions are unique per test because the database is shared.
 */
abstract class OperatorIsToldToRepublishAfterNewOptOutsContract {

    @Autowired PipelineRunner pipeline;
    @Autowired OptOutListRegister optOutLists;
    @Autowired ReleaseHistory history;
    @Autowired ReleaseCatalogue catalogue;
    @Autowired SecurityContextHolderStrategy securityContext;

    @TempDir
    Path temp;

    final String listOne = "list-1-" + UUID.randomUUID();
    final String listTwo = "list-2-" + UUID.randomUUID();

    @AfterEach
    void signOut() {
        securityContext.clearContext();
    }

    long publishWithList(Path drop, String version) {
        String manifest = TestDrops.read(drop.resolve("manifest.json"));
        TestDrops.write(drop, "manifest.json", manifest.replaceAll("\"optOutListVersion\": \"[^\"]*\"",
                "\"optOutListVersion\": \"" + version + "\""));
        return pipeline.run(drop, RunOptions.defaults().withoutNoise("exact figures to compare with hand counts").withEngine(EngineKind.DUCKDB).withMinimumCrowd(10)
                .withOutputDirectory(temp.resolve("run-" + UUID.randomUUID()))).releaseId();
    }

    boolean stale(long releaseId) {
        return history.newestFirst().stream().filter(r -> r.id() == releaseId).findFirst().orElseThrow().stale();
    }

    @Test
    void aNewOptOutListMakesTheServedReleaseStaleUntilItIsRepublishedWithThatList() {
        Path drop = TestDrops.copy(HandCountedDrop.NAME, temp.resolve("drop"));
        long first = publishWithList(drop, listOne);
        assertThat(stale(first)).isFalse();

        assertThat(optOutLists.register(listTwo, 1, "test")).isTrue();
        assertThat(stale(first)).as("served release honoured the older list").isTrue();
        asDataOperator();
        assertThat(catalogue.current(Dataset.PRESENCE)).hasValueSatisfying(r -> assertThat(r.stale()).isTrue());
        assertThat(catalogue.staleServed()).extracting(ReleaseSummary::id).contains(first);

        TestDrops.append(drop, "optouts.csv", "d11,2026-03-04\n");
        long second = publishWithList(drop, listTwo);
        assertThat(stale(second)).isFalse();
        assertThat(catalogue.staleServed()).extracting(ReleaseSummary::id).doesNotContain(first, second);
    }

    @Test
    void republishingWithAnOlderListGivesAReleaseThatIsStaleFromTheStart() {
        Path drop = TestDrops.copy(HandCountedDrop.NAME, temp.resolve("drop"));
        publishWithList(drop, listOne);
        publishWithList(drop, listTwo);

        long older = publishWithList(drop, listOne);

        assertThat(stale(older)).isTrue();
    }

    @Test
    void registeringTheSameListTwiceChangesNothing() {
        assertThat(optOutLists.register(listOne, 3, "test")).isTrue();
        assertThat(optOutLists.register(listOne, 4, "test")).isFalse();
    }

    private void asDataOperator() {
        securityContext.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("dan", null,
                List.of(new SimpleGrantedAuthority("ROLE_DATA_OPERATOR"))));
    }
}
