package io.crowdlens.pipeline;

import static io.crowdlens.db.Tables.COMMUTING_DEPARTURE;
import static io.crowdlens.db.Tables.COMMUTING_OD;
import static io.crowdlens.db.Tables.CORRIDOR;
import static io.crowdlens.db.Tables.CORRIDOR_PASS;
import static io.crowdlens.db.Tables.PRESENCE_DAILY;
import static io.crowdlens.db.Tables.PRESENCE_HOURLY;
import static io.crowdlens.db.Tables.RELEASE_NOISE;
import static io.crowdlens.db.Tables.VISITS_CATCHMENT;
import static io.crowdlens.db.Tables.VISITS_DAILY;
import static io.crowdlens.db.Tables.VISITS_DWELL;
import static io.crowdlens.db.Tables.VISITS_HOURLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.crowdlens.pipeline.demo.DemoDropGenerator;
import io.crowdlens.pipeline.demo.DemoDropSpec;
import io.crowdlens.pipeline.engine.EngineKind;
import io.crowdlens.privacy.FigureFamily;
import io.crowdlens.privacy.noise.DiscreteGaussian;
import io.crowdlens.privacy.noise.RandomSource;
import io.crowdlens.testing.OnH2;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * One rule for what is exact (issue 13): exactness is tested on exact runs; noise is tested
 * statistically. The same seeded synthetic drop is published twice through the whole pipeline: once
 * without noise (the truth, at the hard floor k = 10) and once with the default noise from a seeded
 * source. Every figure the truth puts far enough above k that the threshold cannot have selected it
 * (at least k + 6 sigma) is compared with its noisy twin: about 95 % must lie within the margin the
 * release states for them (binomial tolerance), and none more than 6 sigma away.
 */
@OnH2
@TestPropertySource(properties = "crowdlens.test.isolated-context=published-noise")
class PublishedNoiseMatchesItsMarginsTest {

    @Autowired PipelineRunner pipeline;
    @Autowired DSLContext db;

    @TempDir
    Path temp;

    @Test
    void aboutNinetyFivePercentOfPublishedFiguresLieWithinTheirStatedMarginAndNoneBeyondSixSigma() {
        Path drop = temp.resolve("drop");
        DemoDropGenerator.write(DemoDropSpec.of(3000, 3, 7), drop);
        RunReport exact = pipeline.run(drop, RunOptions.defaults().withEngine(EngineKind.DUCKDB).withMinimumCrowd(10)
                .withOutputDirectory(temp.resolve("exact")).withoutNoise("the truth to compare the noisy release with"));
        RunReport noisy = pipeline.run(drop, RunOptions.defaults().withEngine(EngineKind.DUCKDB)
                .withOutputDirectory(temp.resolve("noisy")).withRandom(RandomSource.seeded(2026)));

        int compared = 0;
        int insideMargin = 0;
        double expected = 0;
        for (FigureFamily family : FigureFamily.values()) {
            long noisyRelease = noisy.release(family.dataset()).releaseId();
            long exactRelease = exact.release(family.dataset()).releaseId();
            Record noise = db.select(RELEASE_NOISE.SIGMA, RELEASE_NOISE.MARGIN95).from(RELEASE_NOISE)
                    .where(RELEASE_NOISE.RELEASE_ID.eq(noisyRelease))
                    .and(RELEASE_NOISE.FIGURE_FAMILY.eq(family.name())).fetchOne();
            if (noise == null) {
                continue; // a family this drop does not publish
            }
            double sigma = noise.get(RELEASE_NOISE.SIGMA).doubleValue();
            int margin = noise.get(RELEASE_NOISE.MARGIN95);
            DiscreteGaussian mechanism = DiscreteGaussian.withSigma(noise.get(RELEASE_NOISE.SIGMA));
            double coverage = 0;
            for (long x = -margin; x <= margin; x++) {
                coverage += mechanism.pmf(x);
            }
            Map<String, Integer> truth = figures(family, exactRelease);
            Map<String, Integer> published = figures(family, noisyRelease);
            for (Map.Entry<String, Integer> figure : truth.entrySet()) {
                if (figure.getValue() < 15 + 6 * sigma) {
                    continue;
                }
                Integer twin = published.get(figure.getKey());
                assertThat(twin).as("%s %s far above k is published", family, figure.getKey()).isNotNull();
                long error = Math.abs(twin - figure.getValue());
                assertThat(error).as("%s %s", family, figure.getKey()).isLessThanOrEqualTo((long) Math.ceil(6 * sigma));
                compared++;
                insideMargin += error <= margin ? 1 : 0;
                expected += coverage;
            }
        }
        assertThat(compared).isGreaterThan(2000);
        // margin95 is the smallest m with P(|noise| <= m) >= 0.95: the expected share is that probability, a little
        // above 0.95; a binomial tolerance of 4 standard errors either way
        double share = insideMargin / (double) compared;
        double expectedShare = expected / compared;
        assertThat(expectedShare).isBetween(0.95, 0.97);
        assertThat(share).isCloseTo(expectedShare, within(4 * Math.sqrt(0.95 * 0.05 / compared)));
    }

    /** A release's stored figures of one family, keyed by where they are (area ids are stable across releases). */
    private Map<String, Integer> figures(FigureFamily family, long release) {
        ResultQuery<? extends Record> query = switch (family) {
            case PRESENCE_HOURLY -> db.select(PRESENCE_HOURLY.AREA_ID, PRESENCE_HOURLY.LOCAL_DAY,
                    PRESENCE_HOURLY.HOUR_OF_DAY, PRESENCE_HOURLY.DEVICES).from(PRESENCE_HOURLY)
                    .where(PRESENCE_HOURLY.RELEASE_ID.eq(release));
            case PRESENCE_DAILY -> db.select(PRESENCE_DAILY.AREA_ID, PRESENCE_DAILY.LOCAL_DAY, PRESENCE_DAILY.DEVICES)
                    .from(PRESENCE_DAILY).where(PRESENCE_DAILY.RELEASE_ID.eq(release));
            case VISITS_HOURLY -> db.select(VISITS_HOURLY.SITE_ID, VISITS_HOURLY.LOCAL_DAY, VISITS_HOURLY.HOUR_OF_DAY,
                    VISITS_HOURLY.VISITORS).from(VISITS_HOURLY).where(VISITS_HOURLY.RELEASE_ID.eq(release));
            case VISITS_DAILY -> db.select(VISITS_DAILY.SITE_ID, VISITS_DAILY.LOCAL_DAY, VISITS_DAILY.VISITORS)
                    .from(VISITS_DAILY).where(VISITS_DAILY.RELEASE_ID.eq(release));
            case VISITS_DWELL -> db.select(VISITS_DWELL.SITE_ID, VISITS_DWELL.LOCAL_DAY, VISITS_DWELL.DWELL_FROM_MINUTES,
                    VISITS_DWELL.VISITS).from(VISITS_DWELL).where(VISITS_DWELL.RELEASE_ID.eq(release));
            case VISITS_LOYALTY -> null; // two figures per row, published both or neither: checked through the others
            case VISITS_CATCHMENT -> db.select(VISITS_CATCHMENT.SITE_ID, VISITS_CATCHMENT.AREA_ID,
                    VISITS_CATCHMENT.VISITORS).from(VISITS_CATCHMENT).where(VISITS_CATCHMENT.RELEASE_ID.eq(release));
            case COMMUTING_OD -> db.select(COMMUTING_OD.HOME_AREA_ID, COMMUTING_OD.WORK_AREA_ID, COMMUTING_OD.COMMUTERS)
                    .from(COMMUTING_OD).where(COMMUTING_OD.RELEASE_ID.eq(release));
            case COMMUTING_DEPARTURE -> db.select(COMMUTING_DEPARTURE.HOME_AREA_ID, COMMUTING_DEPARTURE.WORK_AREA_ID,
                    COMMUTING_DEPARTURE.HOUR_OF_DAY, COMMUTING_DEPARTURE.COMMUTERS).from(COMMUTING_DEPARTURE)
                    .where(COMMUTING_DEPARTURE.RELEASE_ID.eq(release));
            case CORRIDOR_PASSES -> db.select(CORRIDOR.CODE, CORRIDOR_PASS.LOCAL_DAY, CORRIDOR_PASS.HOUR_OF_DAY,
                    CORRIDOR_PASS.DIRECTION, CORRIDOR_PASS.PASSES).from(CORRIDOR_PASS)
                    .join(CORRIDOR).on(CORRIDOR.ID.eq(CORRIDOR_PASS.CORRIDOR_ID))
                    .where(CORRIDOR_PASS.RELEASE_ID.eq(release));
        };
        Map<String, Integer> figures = new HashMap<>();
        if (query == null) {
            return figures;
        }
        for (Record row : query.fetch()) {
            StringBuilder key = new StringBuilder();
            for (int i = 0; i < row.size() - 1; i++) {
                key.append(row.get(i)).append('|');
            }
            figures.put(key.toString(), ((Number) row.get(row.size() - 1)).intValue());
        }
        return figures;
    }
}
