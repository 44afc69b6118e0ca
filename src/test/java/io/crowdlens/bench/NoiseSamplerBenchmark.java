package io.crowdlens.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import io.crowdlens.privacy.noise.DiscreteGaussian;
import io.crowdlens.privacy.noise.RandomSource;

/**
 * How fast the exact noise sampler is (docs/decisions/019-discrete-noise-sampler.md): the random
 * sources it could run on, discrete Gaussian draws per second for the sigmas a release would use,
 * and the time to noise a whole public presence grid. One thread, as a release noises its cells.
 * Each figure is the median of {@value #RUNS} timed runs after a warm-up; CPU time of the
 * measuring thread is reported next to wall time because the machine is shared.
 */
class NoiseSamplerBenchmark {

    private static final int RUNS = 5;
    private static final int GRID_AREAS = 2_000;
    private static final int GRID_DAYS = 14;
    private static final int GRID_CELLS = GRID_AREAS * GRID_DAYS * 24;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private long sink;

    @Test
    void noiseSamplerThroughputAndAWholeGrid() throws Exception {
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String uptimeAtStart = uptime();

        // The byte generators themselves, in bulk.
        SecureRandom platformDefault = new SecureRandom();
        List<Generator> generators = List.of(
                new Generator("AES-256-CTR keystream, a new key every 8 KiB (fast key erasure, as `secure()`)", 8192,
                        new AesKeystream()),
                new Generator("SecureRandom DRBG (Hash_DRBG SHA-256), 4 KiB per call", 4096, drbg()::nextBytes),
                new Generator("SecureRandom default (`new SecureRandom()`: " + platformDefault.getAlgorithm()
                        + "), 4 KiB per call", 4096, platformDefault::nextBytes));
        StringBuilder generatorRows = new StringBuilder();
        for (Generator generator : generators) {
            byte[] block = new byte[generator.blockBytes()];
            Rate blocks = rate(2_000, () -> {
                generator.bytes().nextBytes(block);
                return block[17];
            });
            generatorRows.append(String.format(Locale.ROOT, "| %s | %.0f MB/s | %.0f MB/s |%n", generator.name(),
                    blocks.perSecond() * block.length / 1e6, blocks.perCpuSecond() * block.length / 1e6));
        }

        // The same generators behind RandomSource, as the samplers use them.
        Map<String, Supplier<RandomSource>> sources = new LinkedHashMap<>();
        sources.put("`RandomSource.secure()` (AES-256-CTR, one keystream per thread, no lock)", RandomSource::secure);
        sources.put("`RandomSource.from(DRBG)` (a lock per draw)", () -> RandomSource.from(drbg()));
        sources.put("`RandomSource.seeded(s)` (AES-256-CTR, a lock per draw; tests only)", () -> RandomSource.seeded(1));
        StringBuilder sourceRows = new StringBuilder();
        DiscreteGaussian five = DiscreteGaussian.withSigma(BigDecimal.valueOf(5));
        for (Map.Entry<String, Supplier<RandomSource>> source : sources.entrySet()) {
            RandomSource random = source.getValue().get();
            Rate small = rate(4_000_000, () -> random.nextLong(6));
            Rate gaussian = rate(1_000_000, () -> five.sample(random));
            sourceRows.append(String.format(Locale.ROOT, "| %s | %s (%s per CPU-s) | %s (%s per CPU-s) |%n", source.getKey(),
                    small.millions(), small.perCpuSecondMillions(), gaussian.millions(), gaussian.perCpuSecondMillions()));
        }

        StringBuilder sigmaRows = new StringBuilder();
        RandomSource secure = RandomSource.secure();
        for (String sigma : new String[] {"2", "5", "10", "50", "999.9999"}) {
            DiscreteGaussian gaussian = DiscreteGaussian.withSigma(new BigDecimal(sigma));
            int draws = sigma.contains(".") ? 100_000 : 1_000_000;
            Rate rate = rate(draws, () -> gaussian.sample(secure));
            sigmaRows.append(String.format(Locale.ROOT, "| %s%s | %s | %.0f ns | %s |%n", sigma,
                    sigma.contains(".") ? " (BigInteger arithmetic)" : "", rate.millions(), 1e9 / rate.perSecond(),
                    rate.perCpuSecondMillions()));
        }

        long[] counts = new long[GRID_CELLS];
        double[] wallSeconds = new double[RUNS];
        double[] cpuSeconds = new double[RUNS];
        noiseGrid(counts, five, secure); // warm-up
        for (int run = 0; run < RUNS; run++) {
            Arrays.fill(counts, 0);
            long cpu = THREADS.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            noiseGrid(counts, five, RandomSource.secure()); // a release keys a fresh source
            wallSeconds[run] = (System.nanoTime() - wall) / 1e9;
            cpuSeconds[run] = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9;
        }
        double gridVariance = Arrays.stream(counts).mapToDouble(c -> (double) c * c).sum() / GRID_CELLS;
        String uptimeAtEnd = uptime();

        String report = String.format(Locale.ROOT, """
                ## Noise sampler

                Measured %s with `bench/run noise` (`NoiseSamplerBenchmark`): the exact discrete Gaussian
                sampler of `io.crowdlens.privacy.noise` (CKS20 Algorithms 1-3, integers only), one thread.
                Each figure is the median of %d timed runs after a warm-up run. Load (`uptime`) at the start:
                `%s`; at the end: `%s`.

                **Random byte generators** (bulk, as each would feed the sampler):

                | generator | wall | per CPU-second |
                |---|---|---|
                %s
                **Behind `RandomSource`** (unbiased `nextLong(bound)`, Lemire's multiply-and-reject), M per second:

                | source | `nextLong(6)` | discrete Gaussian, sigma 5 |
                |---|---|---|
                %s
                **Discrete Gaussian with `RandomSource.secure()`**:

                | sigma | M samples/s | per sample | M samples per CPU-second |
                |---|---|---|---|
                %s
                **A whole public grid**: %,d areas x %d days x 24 hours = %,d cells, each given N_Z(0, 25)
                (sigma 5) from a freshly keyed `RandomSource.secure()`: median **%.0f ms** wall (runs: %s ms),
                %.0f ms CPU. Mean square of the noise over the grid: %.2f (sigma^2 = 25).

                Machine:

                | | |
                |---|---|
                | CPU | %s |
                | cores (`nproc`) | %d |
                | memory (`free -h`) | %s |
                | JDK | %s %s |
                """, started, RUNS, uptimeAtStart, uptimeAtEnd, generatorRows, sourceRows, sigmaRows, GRID_AREAS, GRID_DAYS,
                GRID_CELLS, median(wallSeconds) * 1000, runs(wallSeconds), median(cpuSeconds) * 1000, gridVariance,
                BenchMachine.cpuModel(), Runtime.getRuntime().availableProcessors(), BenchMachine.totalMemory(),
                System.getProperty("java.vm.vendor"), Runtime.version());
        System.out.println(report);
        System.out.println("(sink " + sink + ")");
        BenchReport.replaceSection("noise-sampler", report);

        // The grid's noise is what it should be: its mean square within 5 standard errors of the variance.
        double exact = five.variance();
        assertThat(gridVariance).isCloseTo(exact, within(5 * exact * Math.sqrt(2.0 / GRID_CELLS)));
    }

    private static void noiseGrid(long[] counts, DiscreteGaussian gaussian, RandomSource random) {
        for (int cell = 0; cell < counts.length; cell++) {
            counts[cell] += gaussian.sample(random);
        }
    }

    /** Draws per second (median of the timed runs) and per CPU-second of this thread. */
    private Rate rate(int draws, LongSupplier draw) {
        for (int i = 0; i < draws; i++) {
            sink += draw.getAsLong();
        }
        double[] perSecond = new double[RUNS];
        double[] perCpuSecond = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            for (int i = 0; i < draws; i++) {
                sink += draw.getAsLong();
            }
            perSecond[run] = draws / ((System.nanoTime() - wall) / 1e9);
            perCpuSecond[run] = draws / ((THREADS.getCurrentThreadCpuTime() - cpu) / 1e9);
        }
        return new Rate(median(perSecond), median(perCpuSecond));
    }

    private record Rate(double perSecond, double perCpuSecond) {

        String millions() {
            return String.format(Locale.ROOT, "%.2f", perSecond / 1e6);
        }

        String perCpuSecondMillions() {
            return String.format(Locale.ROOT, "%.2f", perCpuSecond / 1e6);
        }
    }

    @FunctionalInterface
    private interface ByteGenerator {
        void nextBytes(byte[] bytes);
    }

    private record Generator(String name, int blockBytes, ByteGenerator bytes) {
    }

    /** The keystream of AesCtrRandomSource rebuilt from javax.crypto: 32 bytes of next key, then the block. */
    private static final class AesKeystream implements ByteGenerator {

        private final byte[] key = new byte[32];
        private final byte[] zeros = new byte[8192];
        private final Cipher cipher;

        AesKeystream() throws GeneralSecurityException {
            new SecureRandom().nextBytes(key);
            cipher = Cipher.getInstance("AES/CTR/NoPadding");
        }

        @Override
        public void nextBytes(byte[] bytes) {
            try {
                cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"),
                        new IvParameterSpec(new byte[16]));
                cipher.update(zeros, 0, 32, key, 0);
                cipher.doFinal(zeros, 0, bytes.length, bytes, 0);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String runs(double[] seconds) {
        StringBuilder text = new StringBuilder();
        for (double s : seconds) {
            text.append(text.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%.0f", s * 1000));
        }
        return text.toString();
    }

    private static String uptime() throws IOException, InterruptedException {
        Process uptime = new ProcessBuilder("uptime").redirectErrorStream(true).start();
        String text = new String(uptime.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        uptime.waitFor();
        return text;
    }
}
