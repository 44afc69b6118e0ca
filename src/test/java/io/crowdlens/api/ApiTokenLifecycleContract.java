package io.crowdlens.api;

import static io.crowdlens.db.Tables.API_TOKEN;
import static io.crowdlens.db.Tables.APP_USER;
import static io.crowdlens.db.Tables.AUDIT_EVENT;
import static io.crowdlens.db.Tables.LICENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdlens.common.Dataset;
import io.crowdlens.partners.OrganisationAdministration;
import io.crowdlens.partners.UserAdministration;
import io.crowdlens.security.ApiTokenException;
import io.crowdlens.security.ApiTokenScope;
import io.crowdlens.security.IssuedApiToken;
import io.crowdlens.testing.ApiClient;
import io.crowdlens.testing.HttpBrowser;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.JsonNode;

/**
 * A token's life over real HTTP: created on the account page (here, through the same service), used,
 * expired, revoked, and stopped when its user, organisation or licence stops; who may revoke whose;
 * its rate limit; and that none of its failures lock its owner out of the portal.
 */
abstract class ApiTokenLifecycleContract extends ApiTestBase {

    @Autowired UserAdministration users;
    @Autowired OrganisationAdministration organisations;

    @Test
    void analystCreatesATokenAndReadsWithItOnlyWhatItWasCreatedFor() throws Exception {
        IssuedApiToken issued = f.token(ApiFixture.ANA, "Footfall notebook",
                EnumSet.of(ApiTokenScope.PRESENCE, ApiTokenScope.VISITS));

        HttpResponse<String> me = api.get("/api/v1/token", issued.secret());
        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode token = ApiClient.json(me);
        assertThat(token.get("name").asString()).isEqualTo("Footfall notebook");
        assertThat(token.get("scopes").values()).extracting(JsonNode::asString).containsExactly("PRESENCE", "VISITS");
        assertThat(token.get("organisation").asString()).isEqualTo("API Retail");
        assertThat(me.body()).doesNotContain(issued.secret());

        JsonNode datasets = ApiClient.json(api.get("/api/v1/datasets", issued.secret()));
        assertThat(datasets.get("datasets").values()).extracting(d -> d.get("dataset").asString())
                .as("licensed for commuting too, but the token was not created for it")
                .containsExactly("PRESENCE", "VISITS");
        assertProblem(api.get("/api/v1/commuting/districts", issued.secret()), 403, "forbidden");
    }

    @Test
    void theSecretIsStoredOnlyAsItsSha256DigestAndCreationAndEveryUseAreAudited() throws Exception {
        IssuedApiToken issued = f.token(ApiFixture.ANA, "Audited");
        assertThat(issued.secret()).matches("clk_[A-Za-z0-9_-]{43}");

        Record row = db.selectFrom(API_TOKEN).where(API_TOKEN.ID.eq(issued.token().id())).fetchSingle();
        assertThat(row.get(API_TOKEN.SECRET_DIGEST)).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(issued.secret().getBytes(StandardCharsets.UTF_8))));
        for (Object value : row.intoArray()) {
            assertThat(String.valueOf(value)).as("no column holds the secret").doesNotContain(issued.secret());
        }
        assertThat(issued.secret()).startsWith(row.get(API_TOKEN.SECRET_HINT));
        assertThat(row.get(API_TOKEN.LAST_USED_AT)).isNull();

        assertThat(api.get("/api/v1/presence/layers", issued.secret()).statusCode()).isEqualTo(200);
        assertProblem(api.get("/api/v1/visits/sites", issued.secret()), 403, "forbidden");

        assertThat(db.select(API_TOKEN.LAST_USED_AT).from(API_TOKEN).where(API_TOKEN.ID.eq(issued.token().id()))
                .fetchSingle().value1()).isNotNull();
        String tokenMark = "(token " + issued.token().id() + " \"Audited\")";
        assertThat(audit(ApiFixture.ANA, "API_TOKEN", "SUCCESS"))
                .anyMatch(d -> d.startsWith("created API token " + issued.token().id() + " \"Audited\" for Presence"));
        assertThat(audit(ApiFixture.ANA, "API_REQUEST", "SUCCESS"))
                .contains("GET /api/v1/presence/layers -> 200 " + tokenMark);
        assertThat(audit(ApiFixture.ANA, "API_REQUEST", "DENIED"))
                .contains("GET /api/v1/visits/sites -> 403 " + tokenMark);
    }

    @Test
    void missingUnknownExpiredAndRevokedTokensGetTheSameAnswer() throws Exception {
        IssuedApiToken expired = f.token(ApiFixture.ANA, "Expires");
        IssuedApiToken revoked = f.token(ApiFixture.ANA, "Revoked");
        assertThat(api.get("/api/v1/datasets", expired.secret()).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/v1/datasets", revoked.secret()).statusCode()).isEqualTo(200);
        db.update(API_TOKEN).set(API_TOKEN.EXPIRES_AT, OffsetDateTime.now().minusSeconds(1))
                .where(API_TOKEN.ID.eq(expired.token().id())).execute();
        f.as(ApiFixture.ANA, () -> tokens.revoke(revoked.token().id()));

        List<HttpResponse<String>> refusals = List.of(
                api.get("/api/v1/datasets", null),
                api.get("/api/v1/datasets", "clk_" + "A".repeat(43)),
                api.get("/api/v1/datasets", "not-even-a-token"),
                api.get("/api/v1/datasets", expired.secret()),
                api.get("/api/v1/datasets", revoked.secret()));

        HttpResponse<String> first = refusals.getFirst();
        assertProblem(first, 401, "unauthorized");
        assertThat(first.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"CrowdLens API\"");
        for (HttpResponse<String> refusal : refusals) {
            assertThat(refusal.statusCode()).isEqualTo(401);
            assertThat(refusal.body()).as("same body whatever the reason").isEqualTo(first.body());
            assertThat(refusal.headers().firstValue("WWW-Authenticate"))
                    .isEqualTo(first.headers().firstValue("WWW-Authenticate"));
        }
        assertThat(audit(ApiFixture.ANA, "API_REQUEST", "DENIED")).contains(
                "GET /api/v1/datasets -> 401 refused: token expired (token " + expired.token().id() + ")",
                "GET /api/v1/datasets -> 401 refused: token revoked (token " + revoked.token().id() + ")");
    }

    @Test
    void aRevokedTokenStopsAtItsNextRequest() throws Exception {
        IssuedApiToken issued = f.token(ApiFixture.ANA, "Short-lived");
        assertThat(api.get("/api/v1/presence/layers", issued.secret()).statusCode()).isEqualTo(200);

        f.as(ApiFixture.ANA, () -> tokens.revoke(issued.token().id()));

        assertProblem(api.get("/api/v1/presence/layers", issued.secret()), 401, "unauthorized");
        assertThat(audit(ApiFixture.ANA, "API_TOKEN", "SUCCESS"))
                .contains("revoked API token " + issued.token().id() + " \"Short-lived\"");
    }

    @Test
    void disablingTheUserStopsTheirTokensAndEnablingThemAgainRestoresThem() throws Exception {
        String user = f.partnerOfItsOwn("Disabled");
        IssuedApiToken issued = f.token(user);
        assertThat(api.get("/api/v1/presence/layers", issued.secret()).statusCode()).isEqualTo(200);
        long id = userId(user);

        f.as(ApiFixture.AMY, () -> users.disable(id));
        assertProblem(api.get("/api/v1/presence/layers", issued.secret()), 401, "unauthorized");
        assertThat(audit(user, "API_REQUEST", "DENIED"))
                .anyMatch(d -> d.contains("refused: user disabled or organisation suspended"));

        f.as(ApiFixture.AMY, () -> users.enable(id));
        assertThat(api.get("/api/v1/presence/layers", issued.secret()).statusCode()).isEqualTo(200);
    }

    @Test
    void suspendingTheOrganisationStopsItsTokens() throws Exception {
        String user = f.partnerOfItsOwn("Suspended");
        IssuedApiToken issued = f.token(user);
        assertThat(api.get("/api/v1/token", issued.secret()).statusCode()).isEqualTo(200);

        f.as(ApiFixture.AMY, () -> organisations.suspend(f.organisationOf(user)));

        assertProblem(api.get("/api/v1/token", issued.secret()), 401, "unauthorized");
        assertProblem(api.get("/api/v1/presence/layers", issued.secret()), 401, "unauthorized");
    }

    @Test
    void endingALicenceNarrowsTheTokenAndEndingTheLastStopsIt() throws Exception {
        String user = f.partnerOfItsOwn("Licence ends");
        IssuedApiToken issued = f.token(user, ApiTokenScope.PRESENCE, ApiTokenScope.VISITS);
        assertThat(api.get("/api/v1/presence/layers", issued.secret()).statusCode()).isEqualTo(200);
        long organisation = f.organisationOf(user);

        endLicence(organisation, Dataset.PRESENCE);
        assertProblem(api.get("/api/v1/presence/layers", issued.secret()), 403, "forbidden");
        assertThat(api.get("/api/v1/visits/sites", issued.secret()).statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(api.get("/api/v1/token", issued.secret())).get("scopes").values())
                .extracting(JsonNode::asString).containsExactly("VISITS");

        endLicence(organisation, Dataset.VISITS);
        assertProblem(api.get("/api/v1/visits/sites", issued.secret()), 401, "unauthorized");
        assertThat(audit(user, "API_REQUEST", "DENIED"))
                .anyMatch(d -> d.contains("refused: no licence or role covers any of the token's scopes any more"));
    }

    @Test
    void partnerAdminsRevokeTheirTeamsTokensAndNoOneElsesAccountManagersAnyone() throws Exception {
        IssuedApiToken anas = f.token(ApiFixture.ANA, "Ana's");
        IssuedApiToken robs = f.token(ApiFixture.ROB, "Rob's");
        IssuedApiToken patsColleague = f.token(ApiFixture.ANA, "Another of Ana's");

        assertThat(f.as(ApiFixture.PAT, () -> tokens.ofOrganisation(f.retail)))
                .extracting(t -> t.id()).contains(anas.token().id()).doesNotContain(robs.token().id());
        assertThatThrownBy(() -> f.as(ApiFixture.PAT, () -> tokens.ofOrganisation(f.rival)))
                .isInstanceOf(AccessDeniedException.class);

        String rivals = message(() -> f.as(ApiFixture.PAT, () -> tokens.revoke(robs.token().id())));
        String nobodys = message(() -> f.as(ApiFixture.PAT, () -> tokens.revoke(Long.MAX_VALUE)));
        assertThat(rivals).as("another organisation's token: the same answer as one that does not exist")
                .isEqualTo(nobodys).isEqualTo("That token does not exist.");
        String colleagues = message(() -> f.as(ApiFixture.ROB, () -> tokens.revoke(anas.token().id())));
        assertThat(colleagues).isEqualTo(nobodys);
        assertThat(api.get("/api/v1/token", robs.secret()).statusCode()).isEqualTo(200);

        f.as(ApiFixture.PAT, () -> tokens.revoke(anas.token().id()));
        f.as(ApiFixture.AMY, () -> tokens.revoke(robs.token().id()));

        assertThat(api.get("/api/v1/token", anas.secret()).statusCode()).isEqualTo(401);
        assertThat(api.get("/api/v1/token", robs.secret()).statusCode()).isEqualTo(401);
        assertThat(api.get("/api/v1/token", patsColleague.secret()).statusCode()).isEqualTo(200);
        assertThat(db.select(API_TOKEN.REVOKED_BY).from(API_TOKEN).where(API_TOKEN.ID.eq(robs.token().id()))
                .fetchSingle().value1()).isEqualTo(ApiFixture.AMY);
        assertThat(audit(ApiFixture.AMY, "API_TOKEN", "SUCCESS"))
                .contains("revoked API token " + robs.token().id() + " \"Rob's\" of " + ApiFixture.ROB);
        assertThat(audit(ApiFixture.PAT, "API_TOKEN", "DENIED"))
                .contains("refused: revoke API token " + robs.token().id());
    }

    @Test
    void aTokenMayOnlyBeCreatedForWhatItsOwnerMayReadForAtMostTheLongestValidity() {
        assertThat(f.as(ApiFixture.ROB, () -> tokens.availableScopes()))
                .containsExactlyInAnyOrder(ApiTokenScope.PRESENCE, ApiTokenScope.VISITS);
        assertThat(f.as(ApiFixture.OPS, () -> tokens.availableScopes())).containsExactly(ApiTokenScope.METRICS);
        assertThat(f.as(ApiFixture.AMY, () -> tokens.availableScopes())).isEmpty();

        assertThat(refusal(ApiFixture.ROB, "Flows", Set.of(ApiTokenScope.COMMUTING), 30))
                .isEqualTo("A token may only read what you may: Presence, Visitors.");
        assertThat(refusal(ApiFixture.ROB, "Scraper", Set.of(ApiTokenScope.METRICS), 30))
                .startsWith("A token may only read what you may");
        assertThat(refusal(ApiFixture.AMY, "Anything", Set.of(ApiTokenScope.PRESENCE), 30))
                .isEqualTo("Your licences and role allow no API tokens.");
        assertThat(refusal(ApiFixture.ROB, "  ", Set.of(ApiTokenScope.PRESENCE), 30)).startsWith("Give the token a name");
        assertThat(refusal(ApiFixture.ROB, "x".repeat(101), Set.of(ApiTokenScope.PRESENCE), 30))
                .startsWith("Give the token a name");
        assertThat(refusal(ApiFixture.ROB, "Nothing", Set.of(), 30)).startsWith("Choose at least one dataset");
        assertThat(refusal(ApiFixture.ROB, "Too long", Set.of(ApiTokenScope.PRESENCE), 91))
                .isEqualTo("A token may be valid for 1 to 90 days.");
        assertThat(refusal(ApiFixture.ROB, "Already over", Set.of(ApiTokenScope.PRESENCE), 0))
                .isEqualTo("A token may be valid for 1 to 90 days.");

        IssuedApiToken longest = f.as(ApiFixture.ROB, () -> tokens.create("Longest", Set.of(ApiTokenScope.PRESENCE), 90));
        assertThat(longest.token().expiresAt()).isBetween(OffsetDateTime.now().plusDays(90).minusMinutes(1),
                OffsetDateTime.now().plusDays(90).plusMinutes(1));
    }

    @Test
    void onePersonHoldsAtMostTheDeploymentsNumberOfActiveTokens() {
        String user = f.partnerOfItsOwn("Many tokens");
        List<IssuedApiToken> issued = new ArrayList<>();
        for (int i = 0; i < MAX_ACTIVE_TOKENS; i++) {
            issued.add(f.token(user));
        }
        assertThat(refusal(user, "One too many", Set.of(ApiTokenScope.PRESENCE), 30))
                .startsWith("You already have " + MAX_ACTIVE_TOKENS + " active tokens");

        f.as(user, () -> tokens.revoke(issued.getFirst().token().id()));
        assertThat(f.token(user).secret()).isNotBlank();
    }

    @Test
    void aTokenOverItsRateLimitIsToldWhenToComeBackAndOtherTokensAreNotSlowed() throws Exception {
        IssuedApiToken busy = f.token(ApiFixture.ANA, "Busy");
        IssuedApiToken calm = f.token(ApiFixture.ANA, "Calm");
        for (int i = 0; i < RATE_LIMIT; i++) {
            assertThat(api.get("/api/v1/token", busy.secret()).statusCode()).as("request %d", i + 1).isEqualTo(200);
        }

        HttpResponse<String> over = api.get("/api/v1/token", busy.secret());

        assertProblem(over, 429, "rate-limited");
        long retryAfter = Long.parseLong(over.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(ApiClient.json(over).get("detail").asString()).contains("30 requests per minute");
        assertThat(api.get("/api/v1/token", calm.secret()).statusCode()).isEqualTo(200);
        assertThat(audit(ApiFixture.ANA, "API_REQUEST", "DENIED"))
                .contains("GET /api/v1/token -> 429 (token " + busy.token().id() + " \"Busy\")");
    }

    @Test
    void tokenFailuresNeverLockThePersonOutOfThePortal() throws Exception {
        String user = f.partnerOfItsOwn("Never locked");
        IssuedApiToken expired = f.token(user);
        IssuedApiToken revoked = f.token(user);
        db.update(API_TOKEN).set(API_TOKEN.EXPIRES_AT, OffsetDateTime.now().minusMinutes(1))
                .where(API_TOKEN.ID.eq(expired.token().id())).execute();
        f.as(user, () -> tokens.revoke(revoked.token().id()));

        // far beyond the account lockout (3) and the per-address sign-in throttle (5) of this test context
        for (int i = 0; i < 8; i++) {
            assertThat(api.get("/api/v1/datasets", expired.secret()).statusCode()).isEqualTo(401);
            assertThat(api.get("/api/v1/datasets", revoked.secret()).statusCode()).isEqualTo(401);
            assertThat(api.get("/api/v1/datasets", null, "Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":wrong password " + i).getBytes(StandardCharsets.UTF_8)))
                    .statusCode()).isEqualTo(401);
        }

        Record account = db.select(APP_USER.FAILED_LOGINS, APP_USER.LOCKED).from(APP_USER)
                .where(APP_USER.USERNAME.eq(user)).fetchSingle();
        assertThat(account.get(APP_USER.FAILED_LOGINS)).isZero();
        assertThat(account.get(APP_USER.LOCKED)).isFalse();
        HttpBrowser browser = new HttpBrowser(port);
        HttpResponse<String> signIn = browser.signIn(user, ApiFixture.PASSWORD);
        assertThat(HttpBrowser.location(signIn)).as("the person still signs in, from the same address")
                .doesNotContain("error");
        assertThat(audit(user, "SIGN_IN", "FAILURE")).isEmpty();
    }

    @Test
    void metricsAreScrapedWithADataOperatorsMetricsTokenNotAPassword() throws Exception {
        IssuedApiToken scraper = f.token(ApiFixture.OPS, "Prometheus", Set.of(ApiTokenScope.METRICS));
        IssuedApiToken partners = f.token(ApiFixture.ANA, "Not for metrics");

        HttpResponse<String> metrics = api.get("/actuator/prometheus", scraper.secret());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");

        assertThat(api.get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(api.get("/actuator/prometheus", partners.secret()).statusCode()).isEqualTo(403);
        assertThat(new HttpBrowser(port).getWithBasic("/actuator/prometheus", ApiFixture.OPS, ApiFixture.PASSWORD)
                .statusCode()).as("HTTP Basic on a person's password is no longer accepted").isEqualTo(401);
        assertThat(api.get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertProblem(api.get("/api/v1/datasets", scraper.secret()), 403, "forbidden");
        assertThat(audit(ApiFixture.OPS, "API_REQUEST", "SUCCESS"))
                .contains("GET /actuator/prometheus -> 200 (token " + scraper.token().id() + " \"Prometheus\")");
    }

    private String refusal(String user, String name, Set<ApiTokenScope> scopes, int days) {
        return message(() -> f.as(user, () -> tokens.create(name, scopes, days)));
    }

    private static String message(Runnable action) {
        try {
            action.run();
        } catch (ApiTokenException refused) {
            return refused.getMessage();
        }
        throw new AssertionError("expected a refusal");
    }

    private List<String> audit(String actor, String action, String outcome) {
        return db.select(AUDIT_EVENT.DETAIL).from(AUDIT_EVENT)
                .where(AUDIT_EVENT.ACTOR.eq(actor)).and(AUDIT_EVENT.ACTION.eq(action))
                .and(AUDIT_EVENT.OUTCOME.eq(outcome))
                .fetch(AUDIT_EVENT.DETAIL);
    }

    private long userId(String username) {
        return db.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchSingle().value1();
    }

    private void endLicence(long organisation, Dataset dataset) {
        db.update(LICENCE).set(LICENCE.REVOKED_AT, OffsetDateTime.now())
                .where(LICENCE.ORGANISATION_ID.eq(organisation)).and(LICENCE.DATASET.eq(dataset.name())).execute();
    }
}
