package io.crowdlens.pipeline.geography;

/** Cell {@code cellKey} lies in area {@code areaCode} of layer {@code layerCode}. */
public record CellArea(String cellKey, String layerCode, String areaCode) {
}
