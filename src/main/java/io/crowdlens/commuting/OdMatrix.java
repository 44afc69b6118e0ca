package io.crowdlens.commuting;

import io.crowdlens.release.ReleaseSummary;
import java.util.List;
import java.util.Objects;

/**
 * Commuters between every ordered pair of the chosen districts (rows: home, columns: work). A cell
 * is null when the pair has fewer than k commuters (or none: the two read the same) and on the
 * diagonal. Row, column and grand totals are sums of the cells shown, never of the hidden ones, so no
 * hidden cell can be found by subtracting shown cells from a total.
 */
public record OdMatrix(ReleaseSummary release, int minimumCrowd, List<District> districts, List<List<Long>> cells) {

    public OdMatrix {
        districts = List.copyOf(districts);
        cells = cells.stream().map(row -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(row))).toList();
    }

    public Long cell(int home, int work) {
        return cells.get(home).get(work);
    }

    public long rowTotal(int home) {
        return cells.get(home).stream().filter(Objects::nonNull).mapToLong(Long::longValue).sum();
    }

    public long columnTotal(int work) {
        return cells.stream().map(row -> row.get(work)).filter(Objects::nonNull).mapToLong(Long::longValue).sum();
    }

    public long total() {
        return cells.stream().flatMap(List::stream).filter(Objects::nonNull).mapToLong(Long::longValue).sum();
    }

    /** Cells shown (at k or more), the diagonal not counted. */
    public int shownCells() {
        return (int) cells.stream().flatMap(List::stream).filter(Objects::nonNull).count();
    }

    public long hiddenCells() {
        return (long) districts.size() * (districts.size() - 1)
                - cells.stream().flatMap(List::stream).filter(Objects::nonNull).count();
    }

    /** The largest cell shown, for a colour scale. */
    public long largest() {
        return cells.stream().flatMap(List::stream).filter(Objects::nonNull).mapToLong(Long::longValue).max().orElse(0);
    }
}
