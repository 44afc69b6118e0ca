package io.crowdlens.pipeline.demo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What demo drop to generate. The same spec always yields byte-identical CSV files.
 *
 * @param devices     number of synthetic devices (about 40 event rows each per day)
 * @param days        length of the period in days, starting at {@code firstDay}
 * @param seed        seed of every random choice
 * @param firstDay    first local date of the period
 * @param zone        the drop's time zone; routines follow its local clock, DST included
 * @param format      CSV or Parquet events
 * @param badRowShare share of planted bad event rows, relative to good rows (below 0.01)
 * @param cellsLayout layout of cells.csv
 */
public record DemoDropSpec(int devices, int days, long seed, LocalDate firstDay, ZoneId zone,
                           DemoDropFormat format, double badRowShare, CellsLayout cellsLayout) {

    public static final int DEFAULT_DEVICES = 10_000;
    public static final int DEFAULT_DAYS = 14;
    public static final long DEFAULT_SEED = 42L;
    /** 14 days from here include the end of summer time on 25 October 2026. */
    public static final LocalDate DEFAULT_FIRST_DAY = LocalDate.of(2026, 10, 19);
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Berlin");
    public static final double DEFAULT_BAD_ROW_SHARE = 0.002;

    public DemoDropSpec {
        if (devices < 1) {
            throw new IllegalArgumentException("devices must be at least 1, was " + devices);
        }
        if (days < 1 || days > 366) {
            throw new IllegalArgumentException("days must be within 1..366, was " + days);
        }
        if (!(badRowShare >= 0 && badRowShare < 0.01)) {
            throw new IllegalArgumentException("badRowShare must be within [0, 0.01), was " + badRowShare);
        }
        Objects.requireNonNull(firstDay, "firstDay");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(cellsLayout, "cellsLayout");
    }

    public static DemoDropSpec defaults() {
        return new DemoDropSpec(DEFAULT_DEVICES, DEFAULT_DAYS, DEFAULT_SEED, DEFAULT_FIRST_DAY, DEFAULT_ZONE,
                DemoDropFormat.CSV, DEFAULT_BAD_ROW_SHARE, CellsLayout.MINIMAL);
    }

    /** The spec of the CLI: {@code pipeline demo-drop --devices N --days D --seed S}, the rest default. */
    public static DemoDropSpec of(int devices, int days, long seed) {
        return defaults().withDevices(devices).withDays(days).withSeed(seed);
    }

    public LocalDate lastDay() {
        return firstDay.plusDays(days - 1L);
    }

    public DemoDropSpec withDevices(int value) {
        return new DemoDropSpec(value, days, seed, firstDay, zone, format, badRowShare, cellsLayout);
    }

    public DemoDropSpec withDays(int value) {
        return new DemoDropSpec(devices, value, seed, firstDay, zone, format, badRowShare, cellsLayout);
    }

    public DemoDropSpec withSeed(long value) {
        return new DemoDropSpec(devices, days, value, firstDay, zone, format, badRowShare, cellsLayout);
    }

    public DemoDropSpec withFirstDay(LocalDate value) {
        return new DemoDropSpec(devices, days, seed, value, zone, format, badRowShare, cellsLayout);
    }

    public DemoDropSpec withZone(ZoneId value) {
        return new DemoDropSpec(devices, days, seed, firstDay, value, format, badRowShare, cellsLayout);
    }

    public DemoDropSpec withFormat(DemoDropFormat value) {
        return new DemoDropSpec(devices, days, seed, firstDay, zone, value, badRowShare, cellsLayout);
    }

    public DemoDropSpec withBadRowShare(double value) {
        return new DemoDropSpec(devices, days, seed, firstDay, zone, format, value, cellsLayout);
    }

    public DemoDropSpec withCellsLayout(CellsLayout value) {
        return new DemoDropSpec(devices, days, seed, firstDay, zone, format, badRowShare, value);
    }
}
