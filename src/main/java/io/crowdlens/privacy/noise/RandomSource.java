package io.crowdlens.privacy.noise;

import java.security.SecureRandom;

/**
 * Uniform random integers for the samplers: the only randomness they use.
 *
 * <p>The sources made here are all safe to share between threads: {@link #secure()} keeps one keystream
 * per thread, the others take a lock per draw. Construction and measurements:
 * docs/decisions/019-discrete-noise-sampler.md.
 */
public interface RandomSource {

    /**
     * A uniform integer in [0, bound), without bias (rejection, never a bare modulo).
     *
     * @param bound at least 1; a bound of 1 always gives 0
     * @throws IllegalArgumentException if bound is below 1
     */
    long nextLong(long bound);

    /**
     * Production: a cryptographically secure source, an AES-256-CTR keystream with fast key
     * erasure, keyed from the operating system's entropy ({@link SecureRandom}). Each thread that
     * draws from it gets its own keystream, keyed afresh, so it needs no lock. A thread's first draw
     * costs a key from the operating system and an 8 KiB buffer: draw from a few long-lived threads,
     * not from one short-lived virtual thread per figure.
     */
    static RandomSource secure() {
        return new PerThreadRandomSource(AesCtrRandomSource::keyedByTheOperatingSystem);
    }

    /**
     * Tests: the same AES-256-CTR construction as {@link #secure()}, keyed with SHA-256 of the seed,
     * so a seed always gives the same draws. Never use it for a release: anyone who knows the seed
     * knows the noise.
     */
    static RandomSource seeded(long seed) {
        return new LockedRandomSource(AesCtrRandomSource.keyedBySeed(seed));
    }

    /**
     * Draws from the given {@link SecureRandom} (read in blocks of bytes), for a deployment that
     * must use a particular provider (a FIPS module, a hardware generator).
     */
    static RandomSource from(SecureRandom secureRandom) {
        return new LockedRandomSource(new SecureRandomSource(secureRandom));
    }
}
