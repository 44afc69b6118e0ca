package io.crowdlens.pipeline.protect;

import java.util.List;

/** A family's figures that reached k after noise, and what its release records about the noise. */
public record Noised<K>(List<Cell<K>> stored, NoiseRecord record) {

    public record Cell<K>(K key, long value) {
    }
}
