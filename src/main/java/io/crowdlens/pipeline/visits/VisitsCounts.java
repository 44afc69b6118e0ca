package io.crowdlens.pipeline.visits;

import java.time.LocalDate;
import java.util.List;

/**
 * Every figure of one visitors run, before protection (docs/visits.md), within the contribution
 * bounds. Unprotected: only {@link VisitsProtection} may pass them on.
 */
public record VisitsCounts(List<Visitors> visitors, List<Dwell> dwell, List<Loyalty> loyalty,
        List<Catchment> catchment) {

    /** Distinct devices with a stay at the site overlapping a local hour (0-23), or (hour null) begun on a local day. */
    public record Visitors(String siteCode, LocalDate localDay, Integer hourOfDay, long visitors) {

        public boolean isDaily() {
            return hourOfDay == null;
        }
    }

    /**
     * Visits begun on a local day whose length is in [fromMinutes, toMinutes) (toMinutes null:
     * open-ended); one visit per device, site and day, its longest stay.
     */
    public record Dwell(String siteCode, LocalDate localDay, int fromMinutes, Integer toMinutes, long visits) {
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
}
