package io.crowdlens.pipeline.protect;

import java.util.function.Consumer;

/**
 * Every figure a family could publish for a run, known before looking at any event: every area of
 * every layer at every local hour of the period, every site on every day, every ordered pair of
 * areas... Protection noises all of them, so that whether a figure appears says nothing about whether
 * anyone was there (docs/privacy.md, "Public partitions").
 */
@FunctionalInterface
public interface PublicGrid<K> {

    void forEachCell(Consumer<K> cell);
}
