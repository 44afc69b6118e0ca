package io.crowdlens.commuting;

import io.crowdlens.figures.Answer;
import io.crowdlens.common.Figure;
import io.crowdlens.release.ReleaseSummary;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The commuter flows into and out of one district, largest first, and when those commuters usually
 * leave home on weekdays. Only pairs shown at the partner's k are listed; each total is the sum of the
 * pairs listed (so it reveals nothing about the pairs not shown), and says so.
 *
 * @param outboundTotal sum of the outbound pairs shown
 * @param departuresOfResidents the district's residents who work elsewhere (in the pairs shown), by the
 *     local hour they usually leave home (0-23); every hour is present, shown or not
 * @param departuresOfWorkers the same for the people who come to work in the district
 */
public record DistrictFlows(ReleaseSummary release, int minimumCrowd, District district, List<Flow> outbound,
        List<Flow> inbound, Figure outboundTotal, Figure inboundTotal, Map<Integer, Figure> departuresOfResidents,
        Map<Integer, Figure> departuresOfWorkers) implements Answer {

    public DistrictFlows {
        outbound = List.copyOf(outbound);
        inbound = List.copyOf(inbound);
        departuresOfResidents = new TreeMap<>(departuresOfResidents);
        departuresOfWorkers = new TreeMap<>(departuresOfWorkers);
    }

    /** Both directions' flows, largest first: the ranked origin-destination table. */
    public List<Flow> ranked() {
        return Stream.concat(outbound.stream(), inbound.stream())
                .sorted(Comparator.comparingLong(Flow::rounded).reversed()
                        .thenComparing(f -> f.home().name()).thenComparing(f -> f.work().name()))
                .toList();
    }

    @Override
    public int shownFigures() {
        return outbound.size() + inbound.size() + (int) Stream.concat(departuresOfResidents.values().stream(),
                departuresOfWorkers.values().stream()).filter(Figure::shown).count();
    }

    @Override
    public int hiddenFigures() {
        return (int) Stream.concat(departuresOfResidents.values().stream(), departuresOfWorkers.values().stream())
                .filter(f -> !f.shown()).count();
    }

    public String describe() {
        return "Commuters: devices living in one district and working in another, " + release.periodFrom() + " to "
                + release.periodTo() + ". Pairs below the minimum crowd of " + minimumCrowd
                + " are not shown; totals are sums of the pairs shown.";
    }
}
