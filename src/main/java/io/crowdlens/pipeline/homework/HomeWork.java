package io.crowdlens.pipeline.homework;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.crowdlens.pipeline.RunInputs;
import io.crowdlens.pipeline.drop.Manifest;
import io.crowdlens.pipeline.engine.PipelineEngine;
import io.crowdlens.pipeline.geography.Geography;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/**
 * Home and work per device for the run's period, as DESIGN.md defines them (docs/home-work.md): a
 * per-device scratch table in the run's engine, {@code device_home_work(device_key, home_area,
 * work_area)}, made once per run by whichever product asks first and gone with the engine's scratch
 * space when the run ends (PRIVACY.md rule 1). Products join it on {@code device_key} (the same opaque
 * key as {@code ScratchTables.DEVICE_KEY}); an area is a code of {@link HomeWorkTable#layer()}.
 *
 * <p>One row per device that has a home or a work area (or both); either may be null.
 */
public final class HomeWork {

    public static final Table<?> DEVICE_HOME_WORK = table(name("device_home_work"));
    /** Same key and type as ScratchTables.DEVICE_KEY of the accepted events. */
    public static final Field<Long> DEVICE = field(name("device_home_work", "device_key"), SQLDataType.BIGINT);
    public static final Field<String> HOME_AREA = field(name("device_home_work", "home_area"), SQLDataType.VARCHAR);
    /** Null when the device has no work area, or works in its home area. */
    public static final Field<String> WORK_AREA = field(name("device_home_work", "work_area"), SQLDataType.VARCHAR);

    private HomeWork() {
    }

    /** What a product reads: the table's layer (the area codes' layer) and the parameters it was made with. */
    public record HomeWorkTable(String layer, HomeWorkSettings settings) {
    }

    /**
     * Makes device_home_work in the run's engine unless an earlier product of this run already has; a
     * second call only returns the description. Call it after the events are classified.
     */
    public static HomeWorkTable ensure(PipelineEngine engine, RunInputs run, HomeWorkSettings settings) {
        String layer = layer(run.geography(), settings);
        HomeWorkInference inference = new HomeWorkInference(engine.sql(), settings);
        if (engine.sql().fetchSingle(inference.tableExists()).value1() == 0) {
            engine.execute("Inferring home and work areas", inference.createTable(layer, weekdays(run.manifest())));
        }
        return new HomeWorkTable(layer, settings);
    }

    /** The configured layer when the drop has it, otherwise the drop's first polygon layer (file order). */
    public static String layer(Geography geography, HomeWorkSettings settings) {
        if (geography.layerNames().containsKey(settings.layer()) && !geography.h3Layer().equals(settings.layer())) {
            return settings.layer();
        }
        return geography.layerNames().keySet().stream()
                .filter(code -> !code.equals(geography.h3Layer()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("home and work need a polygon layer in areas.geojson"));
    }

    /** Monday to Friday of the period, local dates (public holidays are not known to the pipeline). */
    public static List<LocalDate> weekdays(Manifest manifest) {
        return manifest.periodFrom().datesUntil(manifest.periodTo().plusDays(1))
                .filter(d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY)
                .toList();
    }
}
