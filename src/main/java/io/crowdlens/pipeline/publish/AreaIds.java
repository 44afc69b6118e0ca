package io.crowdlens.pipeline.publish;

import static io.crowdlens.db.Tables.AREA;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.jooq.DSLContext;

/** The serving database's id of every area of the run's geography, by layer and code. */
public final class AreaIds {

    private final Map<String, Long> ids;

    AreaIds(Map<String, Long> ids) {
        this.ids = Map.copyOf(ids);
    }

    /** The ids of every area of the given layers, as the serving database has them now. */
    public static AreaIds read(DSLContext db, Collection<String> layers) {
        Map<String, Long> ids = new HashMap<>();
        db.select(AREA.ID, AREA.LAYER_CODE, AREA.CODE).from(AREA)
                .where(AREA.LAYER_CODE.in(layers))
                .forEach(r -> ids.put(key(r.value2(), r.value3()), r.value1()));
        return new AreaIds(ids);
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
