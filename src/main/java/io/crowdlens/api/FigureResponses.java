package io.crowdlens.api;

import io.crowdlens.common.Figure;
import io.crowdlens.release.ReleaseSummary;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/**
 * The figure endpoints' answers in JSON, one record per answer (decision 029). Every answer says which
 * release made it, the minimum crowd k its figures were checked against, what protects them and what
 * each number is; every figure carries its own 95 % noise margin, and a figure not shown is null with
 * the reason, never 0. Never an exact input count.
 */
public final class FigureResponses {

    private FigureResponses() {
    }

    @Schema(description = "One figure: a noisy value with its 95 % margin, or not shown (value null) with the reason")
    public record FigureValue(
            @Schema(description = "The figure (noise added once when the release was made); null when not shown")
            Double value,
            @Schema(description = "Half-width of the 95 % interval of the figure's noise, rounded up (0: exact); "
                    + "null when not shown") Long margin95,
            @Schema(description = "True when the margin does not describe it fully: a peak, or a figure close to k")
            Boolean approximate,
            @Schema(description = "Why it is not shown (below the minimum crowd); null when shown. A figure not shown "
                    + "reads the same whether nobody or a few people were there") String notShown) {

        static FigureValue of(Figure figure) {
            if (figure instanceof Figure.Shown shown) {
                return new FigureValue(Math.round(shown.value() * 10) / 10.0, figure.margin(), shown.approximate(),
                        null);
            }
            return new FigureValue(null, null, null, Figure.HIDDEN_TEXT);
        }
    }

    @Schema(description = "Where the figures come from and how they are protected")
    public record Provenance(
            @Schema(description = "The release that made the figures") ReleaseEntry release,
            @Schema(description = "The minimum crowd every figure shown was checked against: the release's k, "
                    + "raised by your licence where it says so") int yourMinimumCrowd,
            @Schema(description = "What protects the release's figures: its noise mechanism and cost, or that it "
                    + "has none") String privacy,
            @Schema(description = "What the numbers are, the period, k and the meaning of the margins, as the "
                    + "portal's figure sentence says it") String description,
            @Schema(description = "How many figures the answer shows") int shownFigures,
            @Schema(description = "How many figures it leaves out (below the minimum crowd)") int hiddenFigures) {

        static Provenance of(ReleaseSummary release, int k, String description, int shown, int hidden) {
            return new Provenance(ReleaseEntry.of(release, k), k, release.privacyLine(), description, shown, hidden);
        }
    }

    // ---- presence

    public record AreaValue(long areaId, String name, FigureValue figure) {
    }

    @Schema(description = "Presence heatmap: one figure per licensed area of the layer over the selection")
    public record HeatmapAnswer(Provenance about, String layer, LocalDate from, LocalDate to, String days,
            int firstHour, int lastHour,
            @Schema(description = "average-hourly: average distinct devices per hour (hours below k count as "
                    + "zero); peak-hour: distinct devices in the busiest hour") String metric,
            @Schema(description = "Hours the selection covers (days x hours of day)") int hoursSelected,
            List<AreaValue> areas) {
    }

    public record HourValue(int hour, FigureValue figure) {
    }

    public record DayValue(LocalDate day, FigureValue figure) {
    }

    @Schema(description = "One area's hourly profile (the metric at each hour of day over the selected days) "
            + "and its daily series (distinct devices per day)")
    public record AreaProfileAnswer(Provenance about, long areaId, String name, String layer, LocalDate from,
            LocalDate to, String days, String metric, String hourlyProfileIs, List<HourValue> hourlyProfile,
            String dailySeriesIs, List<DayValue> dailySeries) {
    }

    public record HourOfDayAreas(int hour, List<AreaValue> areas) {
    }

    @Schema(description = "The heatmap of each hour of day in the selection's hour range")
    public record HourByHourAnswer(Provenance about, String layer, LocalDate from, LocalDate to, String days,
            String metric, List<HourOfDayAreas> hours) {
    }

    // ---- visitors

    public record SiteRef(long id, String code, String name) {
    }

    public record SiteRows<T>(SiteRef site, List<T> rows) {
    }

    public record HourlyVisitors(int hour, FigureValue weekdayAverage, FigureValue weekendAverage) {
    }

    public record DailyVisitors(LocalDate day, FigureValue visitors) {
    }

    public record DwellVisits(int fromMinutes,
            @Schema(description = "null: open-ended") Integer toMinutes, String label, FigureValue visits) {
    }

    public record FirstTimeAndReturning(LocalDate day, FigureValue firstTime, FigureValue returning) {
    }

    public record CatchmentArea(long areaId, String name, FigureValue visitors) {
    }

    @Schema(description = "A visitors answer: rows per site (figures are always per site, never added up across sites)")
    public record VisitorsAnswer<T>(Provenance about, LocalDate from, LocalDate to, List<SiteRows<T>> sites) {
    }

    public record ComparedDay(LocalDate day, FigureValue visitors,
            @Schema(description = "Change from the first site's figure that day, in percent; null when either is "
                    + "not shown") Double percentChange) {
    }

    @Schema(description = "Unique visitors per day of several sites side by side, each compared with the first")
    public record ComparisonAnswer(Provenance about, LocalDate from, LocalDate to, SiteRef baseline,
            List<SiteRows<ComparedDay>> sites) {
    }

    // ---- commuting

    public record DistrictRef(long id, String code, String name) {
    }

    public record FlowValue(DistrictRef home, DistrictRef work, FigureValue commuters) {
    }

    @Schema(description = "Commuter flows into and out of one district: only pairs shown at your k are listed, "
            + "totals are sums of the pairs listed")
    public record FlowsAnswer(Provenance about, DistrictRef district, List<FlowValue> outbound,
            List<FlowValue> inbound, FigureValue outboundTotal, FigureValue inboundTotal,
            @Schema(description = "Residents commuting out (in the pairs shown) by the local hour they usually "
                    + "leave home on weekdays") List<HourValue> departuresOfResidents,
            @Schema(description = "The same for people who come to work in the district")
            List<HourValue> departuresOfWorkers) {
    }

    @Schema(description = "Commuters between every ordered pair of the chosen districts (rows: home, columns: work); "
            + "the diagonal and pairs below k are not shown; totals are sums of the cells shown")
    public record MatrixAnswer(Provenance about, List<DistrictRef> districts, List<List<FigureValue>> cells,
            List<FigureValue> rowTotals, List<FigureValue> columnTotals, FigureValue total) {
    }

    public record CorridorHour(int hour, FigureValue averagePerDay) {
    }

    public record CorridorSeries(String dayType, int days, String direction, List<CorridorHour> hours) {
    }

    @Schema(description = "Average devices passing along a corridor per day, by day type, direction and hour of entry")
    public record CorridorAnswer(Provenance about, long corridorId, String corridor, LocalDate from, LocalDate to,
            List<CorridorSeries> series) {
    }
}
