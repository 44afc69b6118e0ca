package io.crowdlens.export.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.server.streams.AbstractDownloadHandler;
import com.vaadin.flow.server.streams.DownloadEvent;
import io.crowdlens.export.Export;
import io.crowdlens.export.ExportFormat;
import io.crowdlens.export.ExportSummary;
import io.crowdlens.export.ExportTarget;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A "download CSV" (or Excel workbook, or GeoJSON: {@link ExportFormat}) link styled as a button, with progress, for any export a query service writes
 * (Vaadin 25 {@link com.vaadin.flow.server.streams.DownloadHandler} underneath). The export runs when
 * the user clicks, in the download request, so it streams straight from the query service's cursor
 * to the browser; the service checks scope and k and audits it as EXPORT. While it runs the view polls
 * and shows the megabytes written; then the rows written, or why it was refused.
 *
 * <pre>{@code
 * add(new CsvDownload("Export CSV", target -> presence.exportHeatmap(currentSelection, target)));
 * }</pre>
 *
 * The export lambda runs outside the UI lock: let it read values the view keeps in final or volatile
 * fields, not component state.
 */
public class CsvDownload extends Composite<HorizontalLayout> {

    private static final Logger log = LoggerFactory.getLogger(CsvDownload.class);
    private static final int POLL_MS = 500;

    private final Anchor link;
    private final ExportFormat format;
    private final ProgressBar progress = new ProgressBar();
    private final Span status = new Span();
    // the click event and the download request race: a small file can be done before the click arrives
    private final AtomicLong downloadsFinished = new AtomicLong();
    private volatile String lastResult = "";
    private long clicksSeen;

    public CsvDownload(String label, Export export) {
        this(label, ExportFormat.CSV, key -> null, export);
    }

    /**
     * The same export written as {@code format}; for GeoJSON {@code geometries} gives each row's
     * geometry by its first cell (decision 030). It must be safe to call outside the UI lock.
     */
    public CsvDownload(String label, ExportFormat format, Function<Object, String> geometries, Export export) {
        this.format = format;
        link = new Anchor(new Handler(export, format, geometries), AttachmentType.DOWNLOAD, label);
        link.getElement().setAttribute("data-format", format.extension());
        link.addClassName("crowdlens-download");
        link.getElement().setAttribute("theme", "button");
        link.getStyle().set("white-space", "nowrap"); // a narrow row must not break the label over two lines
        link.addComponentAsFirst(VaadinIcon.DOWNLOAD_ALT.create());
        link.getElement().addEventListener("click", e -> started());
        progress.setIndeterminate(true);
        progress.setWidth("8em");
        progress.setVisible(false);
        status.addClassName("crowdlens-download-status");
        HorizontalLayout layout = getContent();
        layout.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        layout.setSpacing(true);
        layout.add(link, progress, status);
    }

    /** Lets tests and journeys find the link and its status line. */
    public void setIds(String linkId, String statusId) {
        link.setId(linkId);
        status.setId(statusId);
    }

    public ExportFormat format() {
        return format;
    }

    /** The link the user clicks (tests read its label and state). */
    public Anchor link() {
        return link;
    }

    public void setEnabled(boolean enabled) {
        link.setEnabled(enabled);
    }

    /** The status line as the user reads it ("Exported 24 rows …", "Export refused: …"). */
    public String statusText() {
        return status.getText();
    }

    private void started() {
        clicksSeen++;
        if (downloadsFinished.get() >= clicksSeen) {
            status.setText(lastResult);
            return;
        }
        progress.setVisible(true);
        status.setText("Preparing export…");
        getUI().ifPresent(ui -> ui.setPollInterval(POLL_MS));
    }

    private void show(UI ui, boolean done, String text) {
        if (done) {
            lastResult = text;
            downloadsFinished.incrementAndGet();
        }
        ui.access(() -> {
            status.setText(text);
            progress.setVisible(!done);
            if (done) {
                ui.setPollInterval(-1);
            }
        });
    }

    private final class Handler extends AbstractDownloadHandler<Handler> {

        private final Export export;
        private final ExportFormat format;
        private final Function<Object, String> geometries;

        Handler(Export export, ExportFormat format, Function<Object, String> geometries) {
            this.export = export;
            this.format = format;
            this.geometries = geometries;
        }

        @Override
        public void handleDownloadRequest(DownloadEvent event) throws IOException {
            UI ui = event.getUI();
            try {
                ExportSummary summary = export.writeTo(ExportTarget.as(format, geometries, fileName -> {
                    event.setFileName(fileName);
                    event.setContentType(format.mediaType());
                    return new Progress(event.getOutputStream(), ui);
                }));
                event.getOutputStream().flush();
                show(ui, true, String.format(Locale.ROOT, "Exported %,d rows to %s (%,d figures, %,d fewer than k).",
                        summary.rows(), summary.fileName(), summary.figuresShown() + summary.figuresSuppressed(),
                        summary.figuresSuppressed()));
            } catch (RuntimeException refused) {
                // refused before the file was opened (licence, k): answer with an error, say why in the view
                log.info("Export refused: {}", refused.getMessage());
                event.getResponse().setStatus(403);
                show(ui, true, "Export refused: " + refused.getMessage());
            } catch (IOException broken) {
                show(ui, true, "Export interrupted: " + broken.getMessage());
                throw broken;
            }
        }
    }

    /** Counts bytes on their way to the browser and reports each megabyte. */
    private final class Progress extends FilterOutputStream {
        private static final long STEP = 1024 * 1024;
        private final UI ui;
        private long bytes;
        private long reported;

        Progress(OutputStream out, UI ui) {
            super(out);
            this.ui = ui;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            advance(len);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            advance(1);
        }

        private void advance(long n) {
            bytes += n;
            if (bytes - reported >= STEP) {
                reported = bytes;
                show(ui, false, String.format(Locale.ROOT, "Exporting… %.1f MB written", bytes / (double) STEP));
            }
        }

        @Override
        public void close() {
            // the download event owns the response stream
        }
    }
}
