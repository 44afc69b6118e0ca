package io.crowdlens.audit.web;

import io.crowdlens.audit.AuditAction;
import io.crowdlens.audit.AuditFilter;
import io.crowdlens.audit.AuditTrail;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail as a CSV download: {@code GET /audit/export.csv} with the audit view's filters as
 * parameters. A plain HTTP endpoint so a browser downloads it directly; who may read what is
 * decided by {@link AuditTrail}, not here.
 */
@RestController
class AuditCsvController {

    static final String PATH = "/audit/export.csv";

    private final AuditTrail trail;

    AuditCsvController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping(PATH)
    void export(@RequestParam(required = false) Long organisation, @RequestParam(required = false) String user,
            @RequestParam(required = false) String action, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, HttpServletResponse response) throws IOException {
        AuditFilter filter = new AuditFilter(organisation, user, action == null || action.isBlank() ? null
                : AuditAction.valueOf(action), time(from), time(to));
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition",
                "attachment; filename=\"crowdlens-audit-" + LocalDate.now() + ".csv\"");
        response.setHeader("Cache-Control", "no-store");
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        trail.exportCsv(filter, out);
        out.flush();
    }

    private static OffsetDateTime time(String value) {
        return value == null || value.isBlank() ? null : OffsetDateTime.parse(value);
    }

    @ExceptionHandler({IllegalArgumentException.class, DateTimeParseException.class})
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badFilter(RuntimeException e) {
        return "Bad filter: " + e.getMessage();
    }
}
