package io.crowdlens.pipeline.commuting;

import java.util.List;
import java.util.Map;

/**
 * Everything the commuting product computed for one run, before protection.
 *
 * @param layer the layer of the home and work areas
 * @param corridorCells how many cells each corridor has, by corridor code
 */
record CommutingCounts(String layer, List<Corridor> corridors, Map<String, Integer> corridorCells,
        List<CommuterPair> pairs, List<DepartureCount> departures, List<CorridorPassCount> passes) {

    CommutingCounts {
        corridors = List.copyOf(corridors);
        corridorCells = Map.copyOf(corridorCells);
        pairs = List.copyOf(pairs);
        departures = List.copyOf(departures);
        passes = List.copyOf(passes);
    }

    long rows() {
        return pairs.size() + departures.size() + passes.size();
    }
}
