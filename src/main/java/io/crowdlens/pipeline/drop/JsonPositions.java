package io.crowdlens.pipeline.drop;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

public final class JsonPositions {

    private JsonPositions() {
    }

    public static String of(JacksonException e) {
        TokenStreamLocation at = e.getLocation();
        if (at == null || at == TokenStreamLocation.NA) {
            return "an unknown position";
        }
        return "line " + at.getLineNr() + ", column " + at.getColumnNr();
    }
}
