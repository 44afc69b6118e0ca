package io.crowdlens.pipeline.demo;

/** Which of the two cells.csv layouts of docs/drop-format.md the generator writes. */
public enum CellsLayout {
    /** {@code cell_id,lat,lon,range} with ids like {@code c0001}. */
    MINIMAL,
    /** OpenCellID's columns; events then carry the key {@code mcc-net-area-cell}. */
    OPENCELLID
}
