package io.crowdlens.pipeline.demo;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** A buffered byte writer with hand-rolled number formatting: the events hot loop allocates nothing. */
final class AsciiOut implements Closeable {

    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 17];
    private final byte[] digits = new byte[20];
    private int position;

    AsciiOut(OutputStream out) {
        this.out = out;
    }

    void bytes(byte[] value) {
        if (value.length > buffer.length - position) {
            flushBuffer();
        }
        System.arraycopy(value, 0, buffer, position, value.length);
        position += value.length;
    }

    void ascii(char value) {
        if (position == buffer.length) {
            flushBuffer();
        }
        buffer[position++] = (byte) value;
    }

    void twoDigits(int value) {
        ascii((char) ('0' + value / 10));
        ascii((char) ('0' + value % 10));
    }

    void decimal(long value) {
        if (value < 0) {
            ascii('-');
            value = -value;
        }
        int count = 0;
        do {
            digits[count++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        while (count > 0) {
            ascii((char) digits[--count]);
        }
    }

    void newline() {
        ascii('\n');
    }

    private void flushBuffer() {
        try {
            out.write(buffer, 0, position);
            position = 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        flushBuffer();
        out.close();
    }
}
