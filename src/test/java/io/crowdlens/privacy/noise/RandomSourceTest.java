package io.crowdlens.privacy.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongUnaryOperator;
import java.util.stream.LongStream;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class RandomSourceTest {

    private static final int DRAWS = 200_000;

    @Test
    void smallBoundsAreUniformIncludingOnesThatAreNoPowerOfTwo() {
        for (long bound : new long[] {2, 7, 1000}) {
            RandomSource random = RandomSource.seeded(1000 + bound);
            ChiSquare.Fit fit = uniformityOf(random, bound, (int) bound, x -> x);
            assertThat(fit.fits()).as("bound %d: %s", bound, fit).isTrue();
        }
    }

    @Test
    void aBoundThatRejectsOneDrawInFourIsStillUniform() {
        // 3 * 2^30: a bare 32-bit modulo would make [0, 2^30) twice as likely as the rest (seen by the high
        // bits); multiply-and-shift without the rejection would give every multiple of 3 two chances in
        // 2^32 and the other values one (seen by the residue mod 3). 3 * 2^30 is a multiple of 3 and 256.
        long bound = 3L << 30;
        for (ChiSquare.Fit fit : new ChiSquare.Fit[] {
                uniformityOf(RandomSource.seeded(31), bound, 192, x -> x >>> 24),
                uniformityOf(RandomSource.seeded(32), bound, 3, x -> x % 3),
                uniformityOf(RandomSource.seeded(33), bound, 256, x -> x & 255)}) {
            assertThat(fit.fits()).as(fit.toString()).isTrue();
        }
    }

    @Test
    void theChiSquareCheckCatchesModuloBias() {
        long bound = 3L << 30;
        RandomSource raw = RandomSource.seeded(31);
        Map<Long, Long> counts = new HashMap<>();
        for (int i = 0; i < DRAWS; i++) {
            long biased = raw.nextLong(1L << 32) % bound;
            counts.merge(biased >>> 24, 1L, Long::sum);
        }
        ChiSquare.Fit fit = ChiSquare.fit(counts, x -> x >= 0 && x < 192 ? 1.0 / 192 : 0, 0, 191);
        assertThat(fit.fits()).as(fit.toString()).isFalse();
    }

    @Test
    void boundsBeyondThirtyTwoBitsAreUniform() {
        ChiSquare.Fit threeTimesTwoToTheForty = uniformityOf(RandomSource.seeded(40), 3L << 40, 192, x -> x >>> 34);
        assertThat(threeTimesTwoToTheForty.fits()).as(threeTimesTwoToTheForty.toString()).isTrue();
        // 3 * 2^61 rejects a quarter of the 64-bit words, like 3 * 2^30 above; residues mod 3 see a skipped rejection.
        ChiSquare.Fit residues = uniformityOf(RandomSource.seeded(62), 3L << 61, 3, x -> x % 3);
        assertThat(residues.fits()).as(residues.toString()).isTrue();
        ChiSquare.Fit largest = uniformityOf(RandomSource.seeded(63), Long.MAX_VALUE, 256, x -> x >>> 55);
        assertThat(largest.fits()).as(largest.toString()).isTrue();
    }

    @Test
    void aBoundOfOneAlwaysGivesZeroAndABoundBelowOneIsRefused() {
        RandomSource random = RandomSource.secure();
        for (int i = 0; i < 1000; i++) {
            assertThat(random.nextLong(1)).isZero();
        }
        assertThatThrownBy(() -> random.nextLong(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bound must be at least 1, not 0");
        assertThatThrownBy(() -> random.nextLong(-5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSeedRepeatsItsDrawsAndAnotherSeedDoesNot() {
        long[] first = draws(RandomSource.seeded(7), 10_000);
        assertThat(draws(RandomSource.seeded(7), 10_000)).isEqualTo(first);
        long[] other = draws(RandomSource.seeded(8), 10_000);
        int same = 0;
        for (int i = 0; i < first.length; i++) {
            same += first[i] == other[i] ? 1 : 0;
        }
        assertThat(same).isLessThan(10); // a chance match of 1 in 1,000,000 per draw
    }

    /** Two threads on one seeded source draw, between them, exactly the draws one thread would: no byte twice, none lost. */
    @Test
    void aSharedSourceGivesEachDrawToOneThreadOnly() throws Exception {
        int perThread = 50_000;
        RandomSource shared = RandomSource.seeded(99);
        long[][] drawn = new long[2][perThread];
        Thread[] threads = new Thread[2];
        for (int t = 0; t < 2; t++) {
            long[] mine = drawn[t];
            threads[t] = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < perThread; i++) {
                    mine[i] = shared.nextLong(1L << 32);
                }
            });
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long[] together = LongStream.concat(
                Arrays.stream(drawn[0]), Arrays.stream(drawn[1])).sorted().toArray();
        RandomSource alone = RandomSource.seeded(99);
        long[] sequential = new long[2 * perThread];
        for (int i = 0; i < sequential.length; i++) {
            sequential[i] = alone.nextLong(1L << 32);
        }
        Arrays.sort(sequential);
        assertThat(together).isEqualTo(sequential);
    }

    @Test
    void aSecureSourceSharedByThreadsKeepsAKeystreamPerThread() throws Exception {
        RandomSource shared = RandomSource.secure();
        ChiSquare.Fit[] fits = new ChiSquare.Fit[4];
        Thread[] threads = new Thread[fits.length];
        for (int t = 0; t < threads.length; t++) {
            int index = t;
            threads[t] = Thread.ofPlatform().start(() -> fits[index] = uniformityOf(shared, 7, 7, x -> x));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        for (ChiSquare.Fit fit : fits) {
            assertThat(fit.fits()).as(fit.toString()).isTrue();
        }
        assertThat(PerThreadRandomSource.ofThisThread(shared)).isSameAs(PerThreadRandomSource.ofThisThread(shared))
                .isNotSameAs(shared);
    }

    @Test
    void twoSecureSourcesDrawDifferently() {
        assertThat(draws(RandomSource.secure(), 100)).isNotEqualTo(draws(RandomSource.secure(), 100));
    }

    @Test
    void aSecureRandomOfTheCallersChoiceIsUniformToo() throws Exception {
        RandomSource random = RandomSource.from(SecureRandom.getInstance("DRBG"));
        ChiSquare.Fit fit = uniformityOf(random, 7, 7, x -> x);
        assertThat(fit.fits()).as(fit.toString()).isTrue();
    }

    /** The seeded source is exactly the construction docs/decisions/019 describes, rebuilt here from javax.crypto. */
    @Test
    void theSeededSourceIsTheDocumentedFastKeyErasureKeystream() throws Exception {
        long seed = 42;
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update("io.crowdlens.privacy.noise.RandomSource.seeded".getBytes(StandardCharsets.US_ASCII));
        sha256.update(ByteBuffer.allocate(8).putLong(seed).array());
        byte[] key = sha256.digest();

        RandomSource random = RandomSource.seeded(seed);
        for (int block = 0; block < 3; block++) {
            // One block: AES-256-CTR keystream from a zero counter; 32 bytes of next key, then 8192 bytes of output.
            Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
            byte[] keystream = aes.doFinal(new byte[32 + 8192]);
            ByteBuffer output = ByteBuffer.wrap(keystream, 32, 8192).order(ByteOrder.LITTLE_ENDIAN);
            for (int word = 0; word < 8192 / 4; word++) {
                // A bound of 2^32 is never rejected: the draw is the 32-bit little-endian word itself.
                assertThat(random.nextLong(1L << 32)).isEqualTo(output.getInt() & 0xFFFF_FFFFL);
            }
            key = Arrays.copyOf(keystream, 32);
        }
    }

    private static long[] draws(RandomSource random, int count) {
        long[] values = new long[count];
        for (int i = 0; i < count; i++) {
            values[i] = random.nextLong(1_000_003);
        }
        return values;
    }

    /** Draws below the bound, maps each to one of {@code bins} equally likely bins and fits the uniform. */
    private static ChiSquare.Fit uniformityOf(RandomSource random, long bound, int bins, LongUnaryOperator bin) {
        Map<Long, Long> counts = new HashMap<>();
        long smallest = Long.MAX_VALUE;
        long largest = Long.MIN_VALUE;
        for (int i = 0; i < DRAWS; i++) {
            long value = random.nextLong(bound);
            smallest = Math.min(smallest, value);
            largest = Math.max(largest, value);
            counts.merge(bin.applyAsLong(value), 1L, Long::sum);
        }
        assertThat(smallest).isGreaterThanOrEqualTo(0);
        assertThat(largest).isLessThan(bound);
        return ChiSquare.fit(counts, x -> x >= 0 && x < bins ? 1.0 / bins : 0, 0, bins - 1);
    }
}
