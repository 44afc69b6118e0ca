package io.crowdlens.privacy.noise;

import java.util.function.Supplier;

/**
 * One source per thread, made on the thread's first draw: shared freely, locked never. Two threads
 * never draw the same bytes, because they never share a keystream.
 */
final class PerThreadRandomSource implements RandomSource {

    private final ThreadLocal<BufferedRandomSource> perThread;

    PerThreadRandomSource(Supplier<? extends BufferedRandomSource> newSource) {
        this.perThread = ThreadLocal.withInitial(newSource);
    }

    @Override
    public long nextLong(long bound) {
        return perThread.get().nextLong(bound);
    }

    /**
     * The calling thread's own source, for a sampler that makes many draws for one sample: it looks
     * the thread up once instead of once per draw. Any other source is returned as it is.
     */
    static RandomSource ofThisThread(RandomSource random) {
        return random instanceof PerThreadRandomSource perThread ? perThread.perThread.get() : random;
    }
}
