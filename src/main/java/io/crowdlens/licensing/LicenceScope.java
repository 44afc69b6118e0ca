package io.crowdlens.licensing;

import io.crowdlens.common.Dataset;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one organisation may see of one dataset right now: the union of its active licences.
 * An (area, day) pair is visible when a single licence covers both.
 *
 * @param minimumCrowd the effective k for this partner: the deployment's k, raised by any licence
 */
public record LicenceScope(long organisationId, Dataset dataset, List<LicenceGrant> grants, int minimumCrowd) {

    public LicenceScope {
        grants = List.copyOf(grants);
    }

    public boolean isEmpty() {
        return grants.isEmpty();
    }

    public boolean permitsLayer(String layer) {
        return grants.stream().anyMatch(g -> g.layerCode().equals(layer));
    }

    public boolean permits(String layer, long areaId) {
        return grants.stream().anyMatch(g -> g.covers(layer, areaId));
    }

    public boolean permits(String layer, long areaId, LocalDate day) {
        return grants.stream().anyMatch(g -> g.covers(layer, areaId) && g.covers(day));
    }

    public Set<String> layers() {
        TreeSet<String> layers = new TreeSet<>();
        grants.forEach(g -> layers.add(g.layerCode()));
        return layers;
    }

    /** The earliest and latest licensed day on a layer, for bounding date pickers. */
    public Optional<DateSpan> dateSpan(String layer) {
        return grants.stream()
                .filter(g -> g.layerCode().equals(layer))
                .map(g -> new DateSpan(g.dataFrom(), g.dataTo()))
                .reduce(DateSpan::union);
    }

    public record DateSpan(LocalDate from, LocalDate to) {
        DateSpan union(DateSpan other) {
            return new DateSpan(from.isBefore(other.from) ? from : other.from, to.isAfter(other.to) ? to : other.to);
        }
    }
}
