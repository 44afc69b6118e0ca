package io.crowdlens.pipeline.visits;

import io.crowdlens.pipeline.protect.Protection;
import java.time.LocalDate;
import java.util.List;

/**
 * Every figure of one visitors run, before protection (docs/visits.md). Unprotected: only
 * {@link #protect} may pass them on.
 */
public record VisitsCounts(List<Visitors> visitors, List<Dwell> dwell, List<Loyalty> loyalty,
        List<Catchment> catchment) {

    /** Distinct devices with a stay at the site overlapping a local hour (0-23) or, hour null, a local day. */
    public record Visitors(String siteCode, LocalDate localDay, Integer hourOfDay, long visitors) {

        public boolean isDaily() {
            return hourOfDay == null;
        }
    }

    /** Stays that began on a local day with a dwell in [fromMinutes, toMinutes) (toMinutes null: open-ended). */
    public record Dwell(String siteCode, LocalDate localDay, int fromMinutes, Integer toMinutes, long visits,
            long visitors) {
    }

    /** A day's visitors whose first stay in the period began that day, and those seen on an earlier day. */
    public record Loyalty(String siteCode, LocalDate localDay, long firstTime, long returning) {
    }

    /** Distinct visitors over the period whose home is the area. */
    public record Catchment(String siteCode, String layerCode, String areaCode, long visitors) {
    }

    public VisitsCounts {
        visitors = List.copyOf(visitors);
        dwell = List.copyOf(dwell);
        loyalty = List.copyOf(loyalty);
        catchment = List.copyOf(catchment);
    }

    public long rows() {
        return visitors.size() + dwell.size() + loyalty.size() + catchment.size();
    }

    /**
     * k on every figure (PRIVACY.md rule 3). Visits by dwell are checked on the distinct devices behind
     * them. First-time and returning visitors add up to the published daily visitors, so they are
     * published together or not at all: one alone would give away the other by subtraction.
     */
    public Protected protect(Protection protection) {
        var safeVisitors = protection.apply(visitors, Visitors::visitors,
                (v, n) -> new Visitors(v.siteCode(), v.localDay(), v.hourOfDay(), n));
        var safeDwell = protection.apply(dwell, Dwell::visitors, (d, n) -> new Dwell(d.siteCode(), d.localDay(),
                d.fromMinutes(), d.toMinutes(), protection.rounded(d.visits()), n));
        var safeLoyalty = protection.apply(loyalty, l -> Math.min(l.firstTime(), l.returning()),
                (l, n) -> new Loyalty(l.siteCode(), l.localDay(), protection.rounded(l.firstTime()),
                        protection.rounded(l.returning())));
        var safeCatchment = protection.apply(catchment, Catchment::visitors,
                (c, n) -> new Catchment(c.siteCode(), c.layerCode(), c.areaCode(), n));
        return new Protected(new VisitsCounts(safeVisitors.published(), safeDwell.published(),
                safeLoyalty.published(), safeCatchment.published()),
                safeVisitors.suppressed() + safeDwell.suppressed() + safeLoyalty.suppressed() + safeCatchment.suppressed());
    }

    /** What may be published, and how many rows were withheld. */
    public record Protected(VisitsCounts published, long suppressedRows) {
    }
}
