package io.crowdlens.figures;

import io.crowdlens.audit.AuditAction;
import io.crowdlens.audit.AuditLog;
import io.crowdlens.audit.AuditOutcome;
import io.crowdlens.common.Dataset;
import io.crowdlens.export.CsvExportWriter;
import io.crowdlens.export.ExportMetadata;
import io.crowdlens.export.ExportSummary;
import io.crowdlens.export.ExportTarget;
import io.crowdlens.licensing.LicenceScope;
import io.crowdlens.licensing.LicenceScopeService;
import io.crowdlens.release.ReleaseCatalogue;
import io.crowdlens.release.ReleaseSummary;
import io.crowdlens.security.CrowdLensUser;
import io.crowdlens.security.CurrentUser;
import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The one gate every partner figure passes (docs/privacy.md), for every product, on screen, in CSV
 * and over the API: licence scope, the served release and its noise, the partner's own k applied to
 * every stored figure before any combination ({@link Partner#cells}), refusal outside the licence,
 * blocking of a selection that would show nothing, and the audit record, written once the answer or
 * the file is complete (a failure is audited as a failure). Query services are this gate's clients:
 * they say what to compute, never how it is checked.
 */
@Component
public class FigureGate {

    private final LicenceScopeService licences;
    private final ReleaseCatalogue releases;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;
    private final PinnedReleases pinned;

    public FigureGate(LicenceScopeService licences, ReleaseCatalogue releases, CurrentUser currentUser,
            AuditLog audit, Clock clock, PinnedReleases pinned) {
        this.licences = licences;
        this.releases = releases;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
        this.pinned = pinned;
    }

    /** A question answered on screen or over the API. */
    @FunctionalInterface
    public interface Question<A extends Answer> {
        A answer(Partner partner);
    }

    /** What an export writes: computed by the question, once it has been checked. */
    public record ExportPlan(String fileName, String contents, java.time.LocalDate periodFrom,
            java.time.LocalDate periodTo, java.util.List<io.crowdlens.export.ExportColumn> columns, int shownFigures,
            Rows rows) {
    }

    @FunctionalInterface
    public interface Rows {
        void writeTo(CsvExportWriter csv) throws IOException;
    }

    @FunctionalInterface
    public interface ExportQuestion {
        ExportPlan plan(Partner partner);
    }

    /** What a partner may choose from (layers, sites, days): scope and release, no figures, not audited. */
    @FunctionalInterface
    public interface Choices<T> {
        T of(LicenceScope scope, Optional<ReleaseSummary> release);
    }

    /**
     * Answers a question: refused (audited) outside the licence, blocked (audited) when it would show no
     * figure at the partner's k, otherwise audited with how many figures it shows and hides.
     *
     * @param what a line for the audit record (the release is added)
     * @param advice how to widen a selection that shows nothing
     */
    public <A extends Answer> A ask(Dataset dataset, String what, String advice, Question<A> question) {
        Partner partner = partner(dataset, AuditAction.QUERY);
        A answer = question.answer(partner);
        String detail = what + " release=" + partner.release().id();
        if (answer.shownFigures() == 0) {
            throw blocked(partner, AuditAction.QUERY, detail, answer.hiddenFigures(), advice);
        }
        record(partner, AuditAction.QUERY, AuditOutcome.SUCCESS, detail, answer.shownFigures(), answer.hiddenFigures());
        return answer;
    }

    /**
     * Writes an export: checked like {@link #ask} before the target is opened, audited once the file is
     * complete, or as a failure (with what was written) when writing breaks.
     */
    public ExportSummary export(Dataset dataset, String what, String advice, ExportTarget target,
            ExportQuestion question) throws IOException {
        Partner partner = partner(dataset, AuditAction.EXPORT);
        ExportPlan plan = question.plan(partner);
        String detail = what + " release=" + partner.release().id() + " file=" + plan.fileName();
        if (plan.shownFigures() == 0) {
            throw blocked(partner, AuditAction.EXPORT, detail, 0, advice);
        }
        ReleaseSummary release = partner.release();
        ExportMetadata metadata = new ExportMetadata(plan.contents(), partner.user().organisationName(),
                dataset.label(), release.id(), plan.periodFrom(), plan.periodTo(), release.timeZone(), partner.k(),
                release.privacyLine(), OffsetDateTime.now(clock));
        CsvExportWriter csv = CsvExportWriter.start(target, plan.fileName(), metadata, plan.columns());
        try {
            plan.rows().writeTo(csv);
            ExportSummary summary = csv.finish();
            record(partner, AuditAction.EXPORT, AuditOutcome.SUCCESS, detail, (int) summary.figuresShown(),
                    (int) summary.figuresSuppressed());
            return summary;
        } catch (IOException | RuntimeException broken) {
            ExportSummary partial = csv.summary();
            record(partner, AuditAction.EXPORT, AuditOutcome.FAILURE, detail + " interrupted after " + partial.rows()
                    + " rows: " + broken.getMessage(), (int) partial.figuresShown(), (int) partial.figuresSuppressed());
            throw broken;
        }
    }

    /** What a partner may choose from: the licence scope and the served release (if any). */
    public <T> T choices(Dataset dataset, Choices<T> choices) {
        return choices.of(licences.scopeFor(dataset), release(dataset));
    }

    /** Refuses a choice outside the licence (a layer, a site), audited as a DENIED query. */
    public AccessDeniedException refuse(Dataset dataset, String what, String message) {
        CrowdLensUser user = currentUser.require();
        audit.record(user.username(), licences.scopeFor(dataset).organisationId(), AuditAction.QUERY,
                AuditOutcome.DENIED, what);
        return new AccessDeniedException(message);
    }

    private Partner partner(Dataset dataset, AuditAction action) {
        CrowdLensUser user = currentUser.require();
        LicenceScope scope = licences.scopeFor(dataset);
        ReleaseSummary release = release(dataset).orElseThrow(() -> new IllegalStateException(
                "No " + dataset.label().toLowerCase(java.util.Locale.ROOT) + " data has been published yet."));
        return new Partner(user, scope, release, releases.noiseOf(release.id()), action, audit);
    }

    /** The served release, or the one a {@link ReleasePin} names (refused when it may not be used). */
    private Optional<ReleaseSummary> release(Dataset dataset) {
        Long pin = ReleasePin.pinned(dataset);
        if (pin == null) {
            return releases.current(dataset);
        }
        return Optional.of(pinned.find(dataset, pin).orElseThrow(ReleaseNotAvailableException::new));
    }

    private SelectionBlockedException blocked(Partner partner, AuditAction action, String detail, int hidden,
            String advice) {
        record(partner, action, AuditOutcome.BLOCKED, detail, 0, hidden);
        return new SelectionBlockedException(partner.k(), advice);
    }

    private void record(Partner partner, AuditAction action, AuditOutcome outcome, String detail, int shown,
            int hidden) {
        audit.recordFigures(partner.user().username(), partner.scope().organisationId(), action, outcome, detail, shown,
                hidden);
    }
}
