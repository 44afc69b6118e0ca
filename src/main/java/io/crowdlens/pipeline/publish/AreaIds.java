package io.crowdlens.pipeline.publish;

import java.util.Map;

/** The serving database's id of every area of the run's geography, by layer and code. */
public final class AreaIds {

    private final Map<String, Long> ids;

    AreaIds(Map<String, Long> ids) {
        this.ids = Map.copyOf(ids);
    }

    static String key(String layer, String code) {
        return layer + '\u0000' + code;
    }

    public long of(String layer, String code) {
        Long id = ids.get(key(layer, code));
        if (id == null) {
            throw new IllegalStateException("aggregate for unknown area " + layer + "/" + code);
        }
        return id;
    }
}
