package io.crowdlens.pipeline.demo;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a device's event rows as CSV lines and plants the bad rows. Every bad row has exactly one
 * defect, so its quarantine reason is unambiguous; opted-out devices get none, so it does not
 * matter whether a pipeline removes opt-outs before or after quarantining.
 */
final class EventRows {

    static final byte[] HEADER = "device_id,cell_id,ts\n".getBytes(StandardCharsets.US_ASCII);
    private static final double ISO_TIMESTAMP_SHARE = 0.1;
    private static final int LAST_SECOND_OF_DAY = 86_399;
    private static final byte[][] UNPARSEABLE_TIMESTAMPS = {
        "20.10.2026 08:15".getBytes(StandardCharsets.US_ASCII),
        "n/a".getBytes(StandardCharsets.US_ASCII)};
    private static final byte[] EMPTY = new byte[0];
    private static final byte[] BLANK = "  ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EXTRA_COLUMN = ",4G".getBytes(StandardCharsets.US_ASCII);

    private final PeriodClock clock;
    private final byte[][] cellKeys;
    private final byte[][] unknownCellKeys;
    private final boolean isoAllowed;
    private final double badRowShare;
    private final BadRowReason[] plantedReasons;
    private final Map<BadRowReason, Long> badRows = new EnumMap<>(BadRowReason.class);
    private long goodEvents;
    private int nextReason;

    private AsciiOut out;
    private SplittableRandom random;
    private DeviceProfile device;
    private int day;
    private long lastEpochMilli;
    private int lastCell;
    private boolean lastIso;

    EventRows(PeriodClock clock, List<Cell> cells, CellsLayout layout, DemoDropFormat format, double badRowShare) {
        this.clock = clock;
        this.cellKeys = cells.stream().map(c -> c.key().getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
        this.unknownCellKeys = new byte[50][];
        for (int i = 0; i < unknownCellKeys.length; i++) {
            String key = layout == CellsLayout.MINIMAL
                    ? "c" + MetroLayout.pad4(cells.size() + 1 + i)
                    : "262-1-9999-" + (i + 1);
            unknownCellKeys[i] = key.getBytes(StandardCharsets.US_ASCII);
        }
        this.isoAllowed = format == DemoDropFormat.CSV;
        this.badRowShare = badRowShare;
        this.plantedReasons = isoAllowed
                ? BadRowReason.values()
                : new BadRowReason[] {BadRowReason.EMPTY_DEVICE_ID, BadRowReason.UNKNOWN_CELL,
                    BadRowReason.OUTSIDE_PERIOD, BadRowReason.DUPLICATE};
        for (BadRowReason reason : BadRowReason.values()) {
            badRows.put(reason, 0L);
        }
    }

    void startDevice(AsciiOut target, DeviceProfile profile, SplittableRandom deviceRandom) {
        this.out = target;
        this.device = profile;
        this.random = deviceRandom;
        this.lastEpochMilli = Long.MIN_VALUE;
    }

    void startDay(int dayOfPeriod) {
        this.day = dayOfPeriod;
    }

    /** One network event of the current device in a cell at a local second of the current day. */
    void event(int cell, int secondOfDay) {
        if (secondOfDay > LAST_SECOND_OF_DAY) {
            return;
        }
        boolean iso = isoAllowed && random.nextDouble() < ISO_TIMESTAMP_SHARE;
        long epochSecond = clock.epochSecond(day, secondOfDay);
        long repeated = clock.repeatedEpochSecond(day, secondOfDay);
        if (repeated >= 0 && random.nextBoolean()) {
            epochSecond = repeated;
        }
        long epochMilli = epochSecond * 1000;
        if (epochMilli <= lastEpochMilli) {
            // Keeps a device's events in order and (device, cell, instant) unique where DST repeats or skips an hour.
            epochMilli = (lastEpochMilli / 1000 + 1) * 1000;
        }
        if (!iso) {
            epochMilli += random.nextInt(1000);
        }
        writeRow(device.id(), cellKeys[cell], epochMilli, iso);
        goodEvents++;
        lastEpochMilli = epochMilli;
        lastCell = cell;
        lastIso = iso;
        if (badRowShare > 0 && !device.optedOut() && random.nextDouble() < badRowShare) {
            plantBadRow(plantedReasons[nextReason++ % plantedReasons.length], secondOfDay);
        }
    }

    private void plantBadRow(BadRowReason reason, int secondOfDay) {
        switch (reason) {
            case MALFORMED -> {
                out.bytes(device.id());
                out.ascii(',');
                out.bytes(cellKeys[lastCell]);
                if (random.nextBoolean()) {
                    out.ascii(',');
                    out.decimal(lastEpochMilli);
                    out.bytes(EXTRA_COLUMN);
                }
                out.newline();
            }
            case EMPTY_DEVICE_ID -> writeRow(random.nextBoolean() ? BLANK : EMPTY, cellKeys[lastCell],
                    lastEpochMilli, false);
            case UNKNOWN_CELL -> writeRow(device.id(), unknownCellKeys[random.nextInt(unknownCellKeys.length)],
                    lastEpochMilli, false);
            case BAD_TIMESTAMP -> {
                out.bytes(device.id());
                out.ascii(',');
                out.bytes(cellKeys[lastCell]);
                out.ascii(',');
                int variant = random.nextInt(3);
                if (variant == 0) {
                    clock.writeIso(out, lastEpochMilli / 1000, false);
                } else {
                    out.bytes(UNPARSEABLE_TIMESTAMPS[variant - 1]);
                }
                out.newline();
            }
            case OUTSIDE_PERIOD -> {
                int outsideDay = random.nextBoolean() ? -1 : clock.days();
                writeRow(device.id(), cellKeys[lastCell], clock.epochSecond(outsideDay, secondOfDay) * 1000, false);
            }
            case DUPLICATE -> writeRow(device.id(), cellKeys[lastCell], lastEpochMilli, lastIso);
        }
        badRows.merge(reason, 1L, Long::sum);
    }

    private void writeRow(byte[] deviceId, byte[] cellKey, long epochMilli, boolean iso) {
        out.bytes(deviceId);
        out.ascii(',');
        out.bytes(cellKey);
        out.ascii(',');
        if (iso) {
            clock.writeIso(out, epochMilli / 1000, true);
        } else {
            out.decimal(epochMilli);
        }
        out.newline();
    }

    long goodEvents() {
        return goodEvents;
    }

    long rowsWritten() {
        long bad = 0;
        for (long count : badRows.values()) {
            bad += count;
        }
        return goodEvents + bad;
    }

    Map<BadRowReason, Long> badRows() {
        return badRows;
    }
}
