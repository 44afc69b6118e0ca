package io.crowdlens.pipeline.demo;

/** File format of the generated events. */
public enum DemoDropFormat {
    /** events/*.csv, timestamps mostly epoch milliseconds and some ISO-8601 with offset. */
    CSV,
    /**
     * events/*.parquet with {@code ts} as BIGINT epoch milliseconds. A typed file cannot hold rows
     * with the wrong number of columns or an unparseable timestamp, so those two bad-row reasons
     * are not generated in this format.
     */
    PARQUET
}
