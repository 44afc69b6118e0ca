package io.crowdlens.export.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.crowdlens.export.Export;
import io.crowdlens.export.ExportFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Every export offered the same way: the CSV button, and beside it the same table as an Excel
 * workbook, and (for maps) as GeoJSON. All are written by the same query-service call, so each is
 * checked, protected and audited exactly as the CSV (decision 030).
 *
 * <p>Ids: the CSV keeps {@code id}/{@code statusId}; the others get {@code id + "-xlsx"} and
 * {@code id + "-geojson"} (and the same suffixes on the status id).
 */
public class ExportButtons extends Composite<HorizontalLayout> {

    private final List<CsvDownload> downloads = new ArrayList<>();
    private final Export export;
    private final String id;
    private final String statusId;

    public ExportButtons(String csvLabel, String id, String statusId, Export export) {
        this.export = export;
        this.id = id;
        this.statusId = statusId;
        HorizontalLayout layout = getContent();
        layout.setSpacing(true);
        layout.setPadding(false);
        layout.setWrap(true);
        layout.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        CsvDownload csv = new CsvDownload(csvLabel, export);
        csv.setIds(id, statusId);
        add(csv);
        add(ExportFormat.XLSX, key -> null);
    }

    /** Adds the GeoJSON download: each row's geometry by its first cell (must be safe outside the UI lock). */
    public ExportButtons withGeoJson(Function<Object, String> geometries) {
        add(ExportFormat.GEOJSON, geometries);
        return this;
    }

    private void add(ExportFormat format, Function<Object, String> geometries) {
        CsvDownload download = new CsvDownload(format.label(), format, geometries, export);
        download.setIds(id + "-" + format.extension(), statusId + "-" + format.extension());
        add(download);
    }

    private void add(CsvDownload download) {
        downloads.add(download);
        getContent().add(download);
    }

    public void setEnabled(boolean enabled) {
        downloads.forEach(d -> d.setEnabled(enabled));
    }

    /** The downloads, CSV first. */
    public List<CsvDownload> downloads() {
        return List.copyOf(downloads);
    }

    /** The download of {@code format}. */
    public CsvDownload download(ExportFormat format) {
        return downloads.stream().filter(d -> d.format() == format).findFirst().orElseThrow();
    }
}
