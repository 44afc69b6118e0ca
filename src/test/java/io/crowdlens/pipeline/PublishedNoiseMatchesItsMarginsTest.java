package io.crowdlens.pipeline;

import static io.crowdlens.db.Tables.RELEASE_NOISE;
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
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;
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
            Map<String, Integer> truth = PublishedFigures.of(db, family, exactRelease);
            Map<String, Integer> published = PublishedFigures.of(db, family, noisyRelease);
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
}
