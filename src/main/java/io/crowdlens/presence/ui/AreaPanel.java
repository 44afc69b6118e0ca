package io.crowdlens.presence.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.crowdlens.common.ui.chart.Chart;
import io.crowdlens.common.ui.chart.ChartData;
import io.crowdlens.common.ui.chart.ChartSeries;
import io.crowdlens.presence.AreaDetail;
import io.crowdlens.presence.PresenceMetric;
import java.util.List;

/** The side panel of one clicked area: its hourly profile and daily series. */
class AreaPanel extends VerticalLayout {

    private final H3 title = new H3();
    private final Paragraph provenance = new Paragraph();
    private final Div message = new Div();
    private final Chart hourly = new Chart();
    private final Chart daily = new Chart();

    AreaPanel(Runnable onClose) {
        setId("area-panel");
        setWidth("440px");
        setHeightFull();
        setPadding(false);
        getStyle().set("overflow", "auto");
        title.setId("area-title");
        title.getStyle().set("margin", "0").set("overflow-wrap", "anywhere");
        Button close = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> onClose.run());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        close.setAriaLabel("Close the area panel");
        close.setId("area-close");
        HorizontalLayout head = new HorizontalLayout(title, close);
        head.setWidthFull();
        head.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        head.expand(title);
        provenance.setId("area-provenance");
        provenance.getStyle().set("margin", "0").set("font-size", "var(--lumo-font-size-s)");
        message.setId("area-message");
        message.getStyle().set("color", "var(--lumo-error-text-color)");
        hourly.setId("area-hourly");
        hourly.setHeight("260px");
        daily.setId("area-daily");
        daily.setHeight("240px");
        add(head, provenance, message, hourly, daily);
    }

    void show(AreaDetail detail) {
        title.setText(detail.name());
        provenance.setText(detail.provenance());
        message.setText("");
        String unit = detail.selection().metric() == PresenceMetric.AVERAGE_HOURLY ? "devices per hour" : "devices";
        ChartSeries profile = ChartSeries.barsOf(detail.selection().days().label(), detail.hourlyProfile())
                .highlightPeak();
        hourly.show(ChartData.byHourOfDay(detail.hourlyProfileTitle(), "Release " + detail.release().id() + " · k = "
                + detail.minimumCrowd(), detail.selection().metric().label(), unit, List.of(profile),
                detail.minimumCrowd()));
        daily.show(ChartData.byDay(detail.dailyTitle(), "Distinct devices over the whole day", "Devices per day",
                "devices", detail.days(), List.of(ChartSeries.lineOf(detail.name(), detail.dailyDevices())),
                detail.minimumCrowd()));
        hourly.setVisible(true);
        daily.setVisible(true);
    }

    void refuse(String title, String why) {
        this.title.setText(title);
        provenance.setText("");
        message.setText(why);
        hourly.clear();
        daily.clear();
        hourly.setVisible(false);
        daily.setVisible(false);
    }
}
