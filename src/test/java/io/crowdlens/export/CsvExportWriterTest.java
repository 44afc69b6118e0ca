package io.crowdlens.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdlens.common.Figure;
import java.io.ByteArrayOutputStream;
import io.crowdlens.common.Figure;
import java.io.IOException;
import io.crowdlens.common.Figure;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared CSV writer: format, escaping, formula neutralisation, suppressed figures, flat memory. */
class CsvExportWriterTest {

    static final ExportMetadata METADATA = new ExportMetadata("Average devices per hour per district", "Retail Co",
            "Presence", 3, LocalDate.of(2026, 10, 19), LocalDate.of(2026, 10, 25), "Europe/Berlin", 15,
            "calibrated noise added once", OffsetDateTime.of(2026, 11, 2, 9, 30, 0, 0, ZoneOffset.UTC));

    static final List<ExportColumn> COLUMNS = List.of(ExportColumn.text("area"), ExportColumn.date("day"),
            ExportColumn.number("hour"), ExportColumn.figure("devices"));

    @Test
    void analystGetsMetadataLinesAHeaderAndRowsWithSuppressedFiguresEmptyAndFlagged() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvExportWriter writer = CsvExportWriter.start(ExportTarget.into(out), "x.csv", METADATA, COLUMNS);
        writer.row("Old Town", LocalDate.of(2026, 10, 19), 8, new Figure.Shown(40, 8.7, false));
        writer.row("Harbour", LocalDate.of(2026, 10, 19), 8, Figure.hidden());
        writer.row("Quay", LocalDate.of(2026, 10, 19), 8, Figure.exact(17));
        ExportSummary summary = writer.finish();

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
                #metadata_lines,12\r
                #contents,Average devices per hour per district\r
                #organisation,Retail Co\r
                #dataset,Presence\r
                #release,3\r
                #period,2026-10-19 to 2026-10-25\r
                #time_zone,Europe/Berlin\r
                #minimum_crowd_k,15\r
                #privacy,calibrated noise added once\r
                #margin,<column>_margin95 is the half-width of the 95 % interval of the figure's noise (0: exact); figures a few margins above k were kept partly by their noise\r
                #suppressed,an empty figure with <column>_suppressed = true is not shown (below the minimum crowd of 15 after noise): it is not zero\r
                #generated_at,2026-11-02T09:30Z\r
                area,day,hour,devices,devices_margin95,devices_suppressed\r
                Old Town,2026-10-19,8,40,9,false\r
                Harbour,2026-10-19,8,,,true\r
                Quay,2026-10-19,8,17,0,false\r
                """);
        assertThat(summary).isEqualTo(new ExportSummary("x.csv", 3, 2, 1));
    }

    @Test
    void formulaLikeCellsFromOperatorFilesAreNeutralisedAndQuotedWhereNeeded() throws IOException {
        String csv = write(List.of(ExportColumn.number("id"), ExportColumn.text("name")),
                new Object[] {1, "=HYPERLINK(\"http://x\",\"y\")"},
                new Object[] {2, "+SUM(A1)"},
                new Object[] {3, "-2+3"},
                new Object[] {4, "@cmd"},
                new Object[] {5, "\tTabbed"},
                new Object[] {6, "\rReturn"},
                new Object[] {7, "Plain, with comma"},
                new Object[] {8, "Line\nbreak"},
                new Object[] {9, "Straße \"Süd\" ✓"},
                new Object[] {10, "a=b is fine inside"});

        assertThat(dataLines(csv)).containsExactly(
                "id,name",
                "1,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"",
                "2,'+SUM(A1)",
                "3,'-2+3",
                "4,'@cmd",
                "5,'\tTabbed",
                "6,\"'\rReturn\"",
                "7,\"Plain, with comma\"",
                "8,\"Line\nbreak\"",
                "9,\"Straße \"\"Süd\"\" ✓\"",
                "10,a=b is fine inside");
    }

    @Test
    void metadataValuesAreEscapedToo() throws IOException {
        ExportMetadata hostile = new ExportMetadata("x", "=cmd|' /C calc'!A0,\r\nEvil", "Presence", 1,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2), "UTC", 15, "exact", OffsetDateTime.now());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvExportWriter.start(ExportTarget.into(out), "x.csv", hostile, COLUMNS).finish();

        String organisationLine = out.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> l.startsWith("#organisation")).findFirst().orElseThrow();
        assertThat(organisationLine).isEqualTo("#organisation,\"'=cmd|' /C calc'!A0, Evil\"");
        assertThat(out.toString(StandardCharsets.UTF_8).split("\r\n")).hasSize(13);
    }

    @Test
    void onlyMetadataLinesStartWithAHash() throws IOException {
        String csv = write(List.of(ExportColumn.text("name"), ExportColumn.text("other")),
                new Object[] {"#1 Mall", "#tag"}, new Object[] {null, "x"});

        assertThat(dataLines(csv)).containsExactly("name,other", "\"#1 Mall\",#tag", ",x");
    }

    @Test
    void aRowMustFitTheColumns() throws IOException {
        CsvExportWriter writer = CsvExportWriter.start(ExportTarget.into(OutputStream.nullOutputStream()), "x.csv",
                METADATA, COLUMNS);

        assertThatThrownBy(() -> writer.row("only one")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> writer.row("a", LocalDate.MIN, 1, "not a number"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExportColumn.text("Bad Name")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fileNamesSayWhatTheFileHoldsInSafeCharacters() {
        assertThat(ExportFileName.csv("presence", "Average hourly", "districts", "2026-10-19 to 2026-10-25",
                "Weekdays (Mon-Fri)", "08-09h", "release 3"))
                .isEqualTo("crowdlens-presence-average-hourly-districts-2026-10-19-to-2026-10-25-weekdays-mon-fri"
                        + "-08-09h-release-3.csv");
        assertThat(ExportFileName.csv("Café ../../etc/passwd", "")).isEqualTo("crowdlens-cafe-etc-passwd.csv");
    }

    /**
     * Two million rows (about 60 MB of CSV) stream through while the heap stays flat: rows already
     * written are garbage (the writer keeps no reference to them) and the heap after a full GC grows by
     * far less than the file.
     */
    @Test
    void aLargeExportStreamsWithFlatMemory() throws IOException {
        CountingSink sink = new CountingSink();
        CsvExportWriter writer = CsvExportWriter.start(ExportTarget.into(sink), "big.csv", METADATA, COLUMNS);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<WeakReference<Object[]>> early = new ArrayList<>();
        LocalDate day = LocalDate.of(2026, 10, 19);
        long heapAfterWarmUp = 0;
        for (int i = 0; i < 2_000_000; i++) {
            Object[] row = {"Area number " + (i % 5000), day.plusDays(i % 14), i % 24,
                    i % 3 == 0 ? Figure.hidden() : new Figure.Shown(i, 7.5, false)};
            if (i < 100) {
                early.add(new WeakReference<>(row));
            }
            writer.row(row);
            if (i == 100_000) {
                System.gc();
                heapAfterWarmUp = memory.getHeapMemoryUsage().getUsed();
            }
        }
        ExportSummary summary = writer.finish();
        System.gc();
        long heapAtEnd = memory.getHeapMemoryUsage().getUsed();

        assertThat(summary.rows()).isEqualTo(2_000_000);
        assertThat(sink.bytes).isGreaterThan(60L * 1024 * 1024);
        assertThat(early).allMatch(ref -> ref.get() == null);
        assertThat(heapAtEnd - heapAfterWarmUp).as("heap growth in bytes").isLessThan(16L * 1024 * 1024);
    }

    private static String write(List<ExportColumn> columns, Object[]... rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvExportWriter writer = CsvExportWriter.start(ExportTarget.into(out), "x.csv", METADATA, columns);
        for (Object[] row : rows) {
            writer.row(row);
        }
        writer.finish();
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The header and data records (CRLF-separated), after the metadata lines. */
    private static List<String> dataLines(String csv) {
        return List.of(csv.split("\r\n")).stream().filter(l -> !l.startsWith("#")).toList();
    }

    private static final class CountingSink extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
