package io.crowdlens.commuting;

import io.crowdlens.release.ReleaseSummary;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The commuter flows into and out of one district, largest first, and when those commuters leave home
 * on weekdays. Only pairs of at least k commuters are listed; each total is the sum of the pairs listed
 * (so it reveals nothing about the pairs below k), and says so.
 *
 * @param departuresOfResidents weekday departures (device-days) by local hour of leaving home (0-23),
 *     of the district's residents who work elsewhere; an hour is absent when no published figure of k
 *     or more devices exists for it ("fewer than k")
 * @param departuresOfWorkers the same for the people who come to work in the district
 */
public record DistrictFlows(ReleaseSummary release, int minimumCrowd, District district, List<Flow> outbound,
        List<Flow> inbound, Map<Integer, Long> departuresOfResidents, Map<Integer, Long> departuresOfWorkers) {

    public DistrictFlows {
        outbound = List.copyOf(outbound);
        inbound = List.copyOf(inbound);
        departuresOfResidents = new TreeMap<>(departuresOfResidents);
        departuresOfWorkers = new TreeMap<>(departuresOfWorkers);
    }

    /** Sum of the outbound pairs listed: residents commuting out, counting only pairs of at least k. */
    public long outboundTotal() {
        return outbound.stream().mapToLong(Flow::commuters).sum();
    }

    /** Sum of the inbound pairs listed. */
    public long inboundTotal() {
        return inbound.stream().mapToLong(Flow::commuters).sum();
    }

    /** Both directions' flows, largest first: the ranked origin-destination table. */
    public List<Flow> ranked() {
        return Stream.concat(outbound.stream(), inbound.stream())
                .sorted(Comparator.comparingLong(Flow::commuters).reversed()
                        .thenComparing(f -> f.home().name()).thenComparing(f -> f.work().name()))
                .toList();
    }

    public String describe() {
        return "Commuters: devices living in one district and working in another, " + release.periodFrom() + " to "
                + release.periodTo() + ". Pairs with fewer than " + minimumCrowd
                + " commuters are not shown; totals are sums of the pairs shown.";
    }
}
