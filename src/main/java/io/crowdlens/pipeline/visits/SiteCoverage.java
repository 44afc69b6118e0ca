package io.crowdlens.pipeline.visits;

import io.crowdlens.pipeline.drop.Cell;
import io.crowdlens.pipeline.geography.Area;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which cells serve which site, and which areas each site lies in. A cell serves a site when its
 * location lies inside the site and its coverage range (when cells.csv gives one) is no larger than
 * the site itself: a macro cell covering far more than a shopping centre would count passers-by and
 * neighbours as visitors. A cell may serve several overlapping sites. A site lies in the area of each
 * layer that contains its location (the point, or the polygon's centroid); licences use that.
 */
public record SiteCoverage(List<Site> sites, List<SiteCell> siteCells, Map<String, List<Area>> areasOfSite) {

    /** Cell {@code cellKey} serves site {@code siteCode}. */
    public record SiteCell(String siteCode, String cellKey) {
    }

    public SiteCoverage {
        sites = List.copyOf(sites);
        siteCells = List.copyOf(siteCells);
        areasOfSite = Map.copyOf(areasOfSite);
    }

    public static SiteCoverage of(List<Site> sites, List<Cell> cells, List<Area> areas) {
        List<SiteCell> siteCells = new ArrayList<>();
        Map<String, List<Area>> areasOfSite = new LinkedHashMap<>();
        for (Site site : sites) {
            for (Cell cell : cells) {
                if (serves(cell, site)) {
                    siteCells.add(new SiteCell(site.code(), cell.key()));
                }
            }
            Map<String, Area> firstPerLayer = new LinkedHashMap<>();
            for (Area area : areas) {
                if (!firstPerLayer.containsKey(area.layer()) && area.contains(site.lat(), site.lon())) {
                    firstPerLayer.put(area.layer(), area);
                }
            }
            areasOfSite.put(site.code(), List.copyOf(firstPerLayer.values()));
        }
        return new SiteCoverage(sites, siteCells, areasOfSite);
    }

    static boolean serves(Cell cell, Site site) {
        return site.contains(cell.lat(), cell.lon())
                && (cell.rangeMetres() == null || cell.rangeMetres() <= site.sizeMetres());
    }

    public long cellsServing(String siteCode) {
        return siteCells.stream().filter(c -> c.siteCode().equals(siteCode)).count();
    }
}
