package io.crowdlens.pipeline.visits;

import static io.crowdlens.pipeline.visits.VisitsScratch.DAY_SLOT;
import static io.crowdlens.pipeline.visits.VisitsScratch.HOUR_SLOT;
import static io.crowdlens.pipeline.visits.VisitsScratch.SITE_CELL;
import static io.crowdlens.pipeline.visits.VisitsScratch.SITE_CELL_CELL;
import static io.crowdlens.pipeline.visits.VisitsScratch.SITE_CELL_SITE;
import static io.crowdlens.pipeline.visits.VisitsScratch.SLOT_DAY;
import static io.crowdlens.pipeline.visits.VisitsScratch.SLOT_END;
import static io.crowdlens.pipeline.visits.VisitsScratch.SLOT_HOUR;
import static io.crowdlens.pipeline.visits.VisitsScratch.SLOT_START;
import static org.jooq.impl.DSL.inline;

import io.crowdlens.pipeline.drop.LocalTimeGrid.Slot;
import io.crowdlens.pipeline.visits.SiteCoverage.SiteCell;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Puts what Java computed (which cells serve which site; the local time grid) into the engine as small
 * tables, each in one statement of literal values: a few hundred rows (a year of hours is 8,784), and
 * no bind types for the engines to disagree on.
 */
final class VisitsStaging {

    private final DSLContext dsl;

    VisitsStaging(DSLContext dsl) {
        this.dsl = dsl;
    }

    List<Query> siteCells(List<SiteCell> siteCells) {
        List<Query> queries = new ArrayList<>();
        queries.add(dsl.createTable(SITE_CELL)
                .column(SITE_CELL_SITE.getUnqualifiedName(), SQLDataType.VARCHAR.notNull())
                .column(SITE_CELL_CELL.getUnqualifiedName(), SQLDataType.VARCHAR.notNull()));
        if (!siteCells.isEmpty()) {
            queries.add(dsl.insertInto(SITE_CELL, SITE_CELL_SITE, SITE_CELL_CELL)
                    .valuesOfRows(siteCells.stream().map(c -> DSL.row(inline(c.siteCode()), inline(c.cellKey()))).toList()));
        }
        return queries;
    }

    List<Query> hourSlots(List<Slot> hours) {
        List<Query> queries = new ArrayList<>();
        queries.add(dsl.createTable(HOUR_SLOT)
                .column(SLOT_DAY, SQLDataType.LOCALDATE.notNull())
                .column(SLOT_HOUR, SQLDataType.INTEGER.notNull())
                .column(SLOT_START, SQLDataType.BIGINT.notNull())
                .column(SLOT_END, SQLDataType.BIGINT.notNull()));
        if (!hours.isEmpty()) {
            queries.add(dsl.insertInto(HOUR_SLOT, SLOT_DAY, SLOT_HOUR, SLOT_START, SLOT_END)
                    .valuesOfRows(hours.stream().map(s -> DSL.row(inline(s.localDay()), inline(s.hourOfDay()),
                            inline(s.startMillis()), inline(s.endMillis()))).toList()));
        }
        return queries;
    }

    List<Query> daySlots(List<Slot> days) {
        List<Query> queries = new ArrayList<>();
        queries.add(dsl.createTable(DAY_SLOT)
                .column(SLOT_DAY, SQLDataType.LOCALDATE.notNull())
                .column(SLOT_START, SQLDataType.BIGINT.notNull())
                .column(SLOT_END, SQLDataType.BIGINT.notNull()));
        if (!days.isEmpty()) {
            queries.add(dsl.insertInto(DAY_SLOT, SLOT_DAY, SLOT_START, SLOT_END)
                    .valuesOfRows(days.stream().map(s -> DSL.row(inline(s.localDay()), inline(s.startMillis()),
                            inline(s.endMillis()))).toList()));
        }
        return queries;
    }
}
