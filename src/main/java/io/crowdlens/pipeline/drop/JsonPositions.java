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

    /**
     * Jackson's description of the problem without its pointers into the parser's source (such as
     * "(start marker at [Source: REDACTED ...])"), which say nothing to an operator: the position is
     * given by {@link #of}.
     */
    public static String problem(JacksonException e) {
        String message = String.valueOf(e.getOriginalMessage());
        int source = message.indexOf("[Source:");
        if (source < 0) {
            return message.strip();
        }
        int cut = message.lastIndexOf('(', source);
        return message.substring(0, cut >= 0 ? cut : source).strip();
    }
}
