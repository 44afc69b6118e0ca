package io.crowdlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdlens.testing.ApiClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The request timeout over real HTTP: a request whose query runs past it is answered with 503
 * request-timeout soon after, the database really cancels the query, and the portal goes on
 * serving. The slow endpoints exist only in this test's context.
 */
@TestPropertySource(properties = "crowdlens.api.request-timeout=1s")
abstract class ApiRequestTimeoutContract extends ApiTestBase {

    @Test
    void aQueryRunningPastTheTimeoutIsCancelledAndAnsweredWith503() throws Exception {
        String token = f.token(ApiFixture.ANA).secret();
        Instant start = Instant.now();

        HttpResponse<String> slow = api.get("/api/v1/test/slow-query", token);

        Duration took = Duration.between(start, Instant.now());
        assertProblem(slow, 503, "request-timeout");
        assertThat(took).as("answered soon after the 1 s timeout, not after the query's 30 s or more")
                .isLessThan(Duration.ofSeconds(15));
        assertThat(ApiClient.json(slow).get("detail").asString()).contains("took longer");
        assertThat(api.get("/api/v1/presence/layers", token).statusCode()).as("the portal goes on serving")
                .isEqualTo(200);
        if (db.dialect().family() == SQLDialect.POSTGRES) {
            assertThat(db.fetchCount(db.selectFrom("pg_stat_activity")
                    .where("state = 'active' and query like 'select pg_sleep%'")))
                    .as("PostgreSQL cancelled the statement").isZero();
        }
    }

    @Test
    void noStatementStartsOnceTheTimeIsUp() throws Exception {
        String token = f.token(ApiFixture.ANA).secret();

        assertProblem(api.get("/api/v1/test/query-after-the-time", token), 503, "request-timeout");
    }

    /** Test-only endpoints, nested here so that only this test's context (which imports them) has them. */
    @RestController
    @ReadsCatalogue
    static class SlowEndpoints {

        private final DSLContext db;

        SlowEndpoints(DSLContext db) {
            this.db = db;
        }

        @GetMapping("/api/v1/test/slow-query")
        String slowQuery() {
            if (db.dialect().family() == SQLDialect.POSTGRES) {
                db.fetch("select pg_sleep(30)");
            } else {
                // 10^12 pairs, each with a random test H2 cannot skip: runs for hours unless cancelled
                db.fetch("select count(*) from system_range(1, 1000000) a cross join system_range(1, 1000000) b "
                        + "where rand() < 0.5");
            }
            return "finished";
        }

        @GetMapping("/api/v1/test/query-after-the-time")
        String queryAfterTheTime() throws InterruptedException {
            Thread.sleep(1500);
            db.fetch("select 1");
            return "finished";
        }
    }
}
