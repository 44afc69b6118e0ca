package io.crowdlens.licensing.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import io.crowdlens.common.ui.Confirmations;
import io.crowdlens.common.Dataset;
import io.crowdlens.licensing.LayerChoice;
import io.crowdlens.licensing.LicenceAdministration;
import io.crowdlens.licensing.LicenceDraft;
import io.crowdlens.licensing.LicenceRefusedException;
import io.crowdlens.privacy.PrivacySettings;
import io.crowdlens.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;

/**
 * Granting or changing a licence: dataset, the whole layer or chosen areas (on the map or from a
 * list), the days of data, expiry, and an optional stricter minimum crowd. Changing an existing
 * licence and revoking one are confirmed first.
 */
@Route("admin/licences/:licenceId(\\d+)")
@RouteAlias("admin/licences/new/:organisationId(\\d+)")
@PageTitle("Licence · CrowdLens")
@RolesAllowed(Role.ACCOUNT_MANAGER_ROLE)
class LicenceEditorView extends VerticalLayout implements BeforeEnterObserver {

    static final String WHOLE_LAYER = "The whole layer";
    static final String CHOSEN_AREAS = "Chosen areas";

    private final LicenceAdministration licences;
    private final PrivacySettings privacy;
    private final Select<Dataset> dataset = new Select<>();
    private final Select<String> layer = new Select<>();
    private final RadioButtonGroup<String> scope = new RadioButtonGroup<>("Areas");
    private final AreaChooser areas;
    private final DatePicker dataFrom = new DatePicker("First day of data");
    private final DatePicker dataTo = new DatePicker("Last day of data");
    private final DatePicker validUntil = new DatePicker("Valid until (inclusive)");
    private final IntegerField minimumCrowd = new IntegerField("Stricter minimum crowd (k)");
    private final Paragraph error = new Paragraph();
    private Long licenceId;
    private long organisationId;

    LicenceEditorView(LicenceAdministration licences, PrivacySettings privacy,
            @Value("${crowdlens.map.tile-url}") String tileUrl,
            @Value("${crowdlens.map.tile-attribution}") String tileAttribution) {
        this.licences = licences;
        this.privacy = privacy;
        this.areas = new AreaChooser(licences, tileUrl, tileAttribution);
        addClassName("crowdlens-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getRouteParameters();
        licenceId = parameters.getLong("licenceId").orElse(null);
        LicenceDraft draft = licenceId == null ? null : licences.draft(licenceId);
        organisationId = draft != null ? draft.organisationId()
                : parameters.getLong("organisationId").orElseThrow();
        build(draft);
    }

    private void build(LicenceDraft draft) {
        removeAll();
        String organisation = licences.organisationName(organisationId);
        add(new Anchor("admin/organisations/" + organisationId, organisation),
                new H2(draft == null ? "New licence for " + organisation : "Licence " + licenceId + " of " + organisation));
        dataset.setLabel("Dataset");
        dataset.setId("dataset");
        dataset.setItems(Dataset.values());
        dataset.setItemLabelGenerator(Dataset::label);
        dataset.setReadOnly(draft != null);
        List<LayerChoice> layers = licences.layers();
        Map<String, LayerChoice> byCode = layers.stream().collect(Collectors.toMap(LayerChoice::code,
                Function.identity()));
        layer.setLabel("Layer");
        layer.setId("layer");
        layer.setItems(byCode.keySet().stream().sorted().toList());
        layer.setItemLabelGenerator(code -> byCode.get(code).name() + " (" + byCode.get(code).areas() + " areas)");
        scope.setId("scope");
        scope.setItems(WHOLE_LAYER, CHOSEN_AREAS);
        for (DatePicker picker : List.of(dataFrom, dataTo, validUntil)) {
            picker.setId(picker == dataFrom ? "data-from" : picker == dataTo ? "data-to" : "valid-until");
        }
        minimumCrowd.setId("minimum-crowd");
        minimumCrowd.setMin(privacy.minimumCrowd());
        minimumCrowd.setStepButtonsVisible(true);
        minimumCrowd.setPlaceholder(String.valueOf(privacy.minimumCrowd()));
        minimumCrowd.setHelperText("Empty: this deployment's k = " + privacy.minimumCrowd()
                + ". A licence may raise k, never lower it.");
        error.setId("licence-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");

        if (draft != null) {
            dataset.setValue(draft.dataset());
            layer.setValue(draft.layerCode());
            scope.setValue(draft.wholeLayer() ? WHOLE_LAYER : CHOSEN_AREAS);
            dataFrom.setValue(draft.dataFrom());
            dataTo.setValue(draft.dataTo());
            validUntil.setValue(draft.expiresAt().atZoneSameInstant(ZoneId.systemDefault()).minusSeconds(1)
                    .toLocalDate());
            minimumCrowd.setValue(draft.minimumCrowd());
        } else {
            dataset.setValue(Dataset.PRESENCE);
            layers.stream().findFirst().ifPresent(l -> layer.setValue(l.code()));
            scope.setValue(WHOLE_LAYER);
            validUntil.setValue(LocalDate.now().plusYears(1));
        }
        areas.showLayer(layer.getValue(), draft == null ? Set.of() : draft.areaIds());
        areas.setVisible(CHOSEN_AREAS.equals(scope.getValue()));
        layer.addValueChangeListener(e -> areas.showLayer(e.getValue(), Set.of()));
        scope.addValueChangeListener(e -> areas.setVisible(CHOSEN_AREAS.equals(e.getValue())));

        HorizontalLayout first = new HorizontalLayout(dataset, layer, scope);
        first.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        HorizontalLayout dates = new HorizontalLayout(dataFrom, dataTo, validUntil, minimumCrowd);
        dates.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        dates.setWrap(true);
        Button save = new Button(draft == null ? "Grant licence" : "Save changes", e -> save());
        save.setId("save-licence");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        HorizontalLayout actions = new HorizontalLayout(save);
        if (draft != null) {
            Button revoke = new Button("Revoke", e -> Confirmations.confirm("Revoke licence " + licenceId + "?",
                    "The partner loses access to these figures at their next query. The licence stays on record.",
                    "Revoke", this::revoke));
            revoke.setId("revoke-licence");
            revoke.addThemeVariants(ButtonVariant.ERROR);
            actions.add(revoke);
        }
        add(first, areas, dates, error, actions);
    }

    private LicenceDraft draftFromForm() {
        LocalDate until = validUntil.getValue();
        OffsetDateTime expires = until == null ? null
                : until.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime();
        boolean whole = !CHOSEN_AREAS.equals(scope.getValue());
        return new LicenceDraft(organisationId, dataset.getValue(), layer.getValue(), whole,
                whole ? Set.of() : areas.chosen(), dataFrom.getValue(), dataTo.getValue(), expires,
                minimumCrowd.getValue());
    }

    private void save() {
        if (minimumCrowd.isInvalid() && !minimumCrowd.isEmpty()) {
            error.setText("k must be a whole number of at least " + privacy.minimumCrowd() + ", or left empty.");
            return;
        }
        LicenceDraft draft = draftFromForm();
        if (licenceId == null) {
            attempt(() -> licences.create(draft));
        } else {
            Confirmations.confirm("Change licence " + licenceId + "?", "The partner sees the new scope at their next query.",
                    "Save changes", () -> attempt(() -> licences.update(licenceId, draft)));
        }
    }

    private void revoke() {
        attempt(() -> licences.revoke(licenceId));
    }

    private void attempt(Runnable change) {
        try {
            change.run();
            getUI().ifPresent(ui -> ui.navigate("admin/organisations/" + organisationId));
        } catch (LicenceRefusedException refused) {
            error.setText(refused.getMessage());
        }
    }

}
