package io.crowdlens.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.crowdlens.pipeline.demo.DemoDropFiles;
import io.crowdlens.pipeline.demo.DemoDropGenerator;
import io.crowdlens.pipeline.demo.DemoDropSpec;

/** The bare-engine benchmark is only worth comparing with if it computes presence correctly. */
class BarePresenceQueryTest {

    @Test
    void barePresenceQueryCountsTheSameDevicesAsAPlainJavaReference(@TempDir Path dir) throws Exception {
        // Four days around the end of summer time, with the default share of bad rows and opt-outs.
        DemoDropSpec spec = DemoDropSpec.of(400, 4, 11).withFirstDay(LocalDate.of(2026, 10, 23));
        DemoDropGenerator.write(spec, dir);
        DemoDropFiles drop = new DemoDropFiles(dir);
        Map<String, String> districtOfCell = drop.districtOfCell();

        Map<String, Long> bare;
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
            BarePresenceQuery.run(connection, dir, districtOfCell, drop.zone(), drop.periodFrom(), drop.periodTo());
            bare = BarePresenceQuery.presence(connection);
        }

        Map<String, Long> reference = javaPresence(drop, districtOfCell);
        assertThat(reference).hasSizeGreaterThan(24 * 24 * 4);
        assertThat(bare).isEqualTo(reference);
    }

    private static Map<String, Long> javaPresence(DemoDropFiles drop, Map<String, String> districtOfCell) {
        ZoneId zone = drop.zone();
        LocalDate from = drop.periodFrom();
        LocalDate to = drop.periodTo();
        Set<String> optedOut = new HashSet<>();
        drop.optOutLines().forEach(line -> optedOut.add(line.split(",")[0]));
        Map<String, Set<String>> devicesByDistrictHour = new HashMap<>();
        drop.forEachEventRow(line -> {
            String[] f = line.split(",", -1);
            if (f.length != 3 || f[0].isBlank() || !districtOfCell.containsKey(f[1]) || optedOut.contains(f[0])) {
                return;
            }
            Instant instant = DemoDropFiles.instant(f[2]);
            if (instant == null) {
                return;
            }
            LocalDate date = instant.atZone(zone).toLocalDate();
            if (date.isBefore(from) || date.isAfter(to)) {
                return;
            }
            long hourStart = Math.floorDiv(instant.getEpochSecond(), 3600) * 3600;
            devicesByDistrictHour.computeIfAbsent(districtOfCell.get(f[1]) + " " + hourStart, k -> new HashSet<>())
                    .add(f[0]);
        });
        Map<String, Long> presence = new HashMap<>();
        devicesByDistrictHour.forEach((key, devices) -> presence.put(key, (long) devices.size()));
        return presence;
    }
}
