package io.crowdlens.commuting;

import io.crowdlens.figures.Answer;
import io.crowdlens.privacy.Cells;
import io.crowdlens.privacy.Combination;
import io.crowdlens.common.Figure;
import io.crowdlens.release.ReleaseSummary;
import java.util.List;

/**
 * Commuters between every ordered pair of the chosen districts (rows: home, columns: work). A cell is
 * hidden when the pair is below the partner's k (or has nobody: the two read the same) and on the
 * diagonal. Row, column and grand totals are sums of the cells shown, never of the hidden ones, so no
 * hidden cell can be found by subtracting shown cells from a total.
 */
public record OdMatrix(ReleaseSummary release, int minimumCrowd, List<District> districts, List<List<Figure>> cells,
        Cells cellRule) implements Answer {

    public OdMatrix {
        districts = List.copyOf(districts);
        cells = cells.stream().map(List::copyOf).toList();
    }

    public Figure cell(int home, int work) {
        return cells.get(home).get(work);
    }

    public Figure rowTotal(int home) {
        return sumOf(cells.get(home));
    }

    public Figure columnTotal(int work) {
        return sumOf(cells.stream().map(row -> row.get(work)).toList());
    }

    public Figure total() {
        return sumOf(cells.stream().flatMap(List::stream).toList());
    }

    private Figure sumOf(List<Figure> figures) {
        Combination sum = cellRule.sum();
        figures.stream().filter(Figure::shown).forEach(f -> sum.add(f.rounded()));
        return sum.figure();
    }

    /** Cells shown, the diagonal not counted. */
    public int shownCells() {
        return (int) cells.stream().flatMap(List::stream).filter(Figure::shown).count();
    }

    public long hiddenCells() {
        return (long) districts.size() * (districts.size() - 1) - shownCells();
    }

    /** The largest cell shown, for a colour scale. */
    public long largest() {
        return cells.stream().flatMap(List::stream).filter(Figure::shown).mapToLong(Figure::rounded).max().orElse(0);
    }

    @Override
    public int shownFigures() {
        return shownCells();
    }

    @Override
    public int hiddenFigures() {
        return (int) hiddenCells();
    }
}
