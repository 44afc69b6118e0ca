package io.crowdlens.pipeline.demo;

/** Told every few thousand devices how far the generator has come. */
@FunctionalInterface
public interface DemoDropProgress {

    DemoDropProgress NONE = (devicesDone, devicesTotal, eventRows) -> { };

    void devicesWritten(int devicesDone, int devicesTotal, long eventRowsWritten);
}
