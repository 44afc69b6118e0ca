package io.crowdlens.privacy.noise;

/** A single source behind a lock, for the seeded and caller-supplied sources (one sequence, any thread). */
final class LockedRandomSource implements RandomSource {

    private final BufferedRandomSource source;

    LockedRandomSource(BufferedRandomSource source) {
        this.source = source;
    }

    @Override
    public synchronized long nextLong(long bound) {
        return source.nextLong(bound);
    }
}
