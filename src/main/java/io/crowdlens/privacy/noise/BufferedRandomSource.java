package io.crowdlens.privacy.noise;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Turns a stream of random bytes, read a block at a time, into unbiased integers below a bound.
 *
 * <p>{@link #nextLong(long)} is Lemire's multiply-and-reject method ("Fast random integer
 * generation in an interval", ACM TOMACS 2019): a uniform w-bit word x times the bound s is a
 * 2w-bit product whose high word is the result; the products whose low word falls below
 * 2^w mod s are rejected and drawn again, which leaves every result in [0, s) with exactly the same
 * number of accepted x. Bounds up to 2^32 take 32 random bits per try, larger ones 64.
 */
abstract sealed class BufferedRandomSource implements RandomSource permits AesCtrRandomSource, SecureRandomSource {

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long TWO_TO_32 = 1L << 32;

    private final byte[] buffer;
    private int position;

    BufferedRandomSource(int bufferBytes) {
        if (bufferBytes < 8 || bufferBytes % 8 != 0) {
            throw new IllegalArgumentException("buffer must be a positive multiple of 8 bytes, not " + bufferBytes);
        }
        this.buffer = new byte[bufferBytes];
        this.position = bufferBytes; // empty: the first draw fills it
    }

    /** Overwrites the whole buffer with fresh random bytes. */
    abstract void refill(byte[] buffer);

    @Override
    public final long nextLong(long bound) {
        if (bound < 1) {
            throw new IllegalArgumentException("bound must be at least 1, not " + bound);
        }
        if (bound == 1) {
            return 0;
        }
        return bound <= TWO_TO_32 ? below32(bound) : below64(bound);
    }

    private long below32(long bound) {
        long product = next32() * bound; // < 2^64, read as unsigned
        long low = product & 0xFFFF_FFFFL;
        if (low < bound) {
            long threshold = TWO_TO_32 % bound;
            while (low < threshold) {
                product = next32() * bound;
                low = product & 0xFFFF_FFFFL;
            }
        }
        return product >>> 32;
    }

    private long below64(long bound) {
        long x = next64();
        long low = x * bound; // the low 64 bits of the 128-bit product
        if (Long.compareUnsigned(low, bound) < 0) {
            long threshold = Long.remainderUnsigned(-bound, bound); // 2^64 mod bound
            while (Long.compareUnsigned(low, threshold) < 0) {
                x = next64();
                low = x * bound;
            }
        }
        return Math.unsignedMultiplyHigh(x, bound);
    }

    /** 32 uniform bits as a non-negative long. */
    private long next32() {
        if (position > buffer.length - 4) {
            refillBuffer();
        }
        long bits = (int) INT.get(buffer, position) & 0xFFFF_FFFFL;
        position += 4;
        return bits;
    }

    private long next64() {
        if (position > buffer.length - 8) {
            refillBuffer();
        }
        long bits = (long) LONG.get(buffer, position);
        position += 8;
        return bits;
    }

    private void refillBuffer() {
        refill(buffer);
        position = 0;
    }
}
