package io.crowdlens.pipeline.cli;

import io.crowdlens.pipeline.publish.PrivacyLedger;
import java.io.PrintStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * {@code privacy raise-cap --from DAY --to DAY --rho CAP --reason WHY --by NAME}: the audited operator
 * decision that lets some days spend more of the privacy budget (e.g. to re-publish after opt-outs).
 */
@Component
class PrivacyRaiseCapCommand implements CliCommand {

    private final PrivacyLedger ledger;

    PrivacyRaiseCapCommand(PrivacyLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public List<String> words() {
        return List.of("privacy", "raise-cap");
    }

    @Override
    public String usage() {
        return "--from YYYY-MM-DD --to YYYY-MM-DD --rho CAP --reason WHY --by NAME";
    }

    @Override
    public int run(Options options, PrintStream out, PrintStream err) {
        options.allowOnly("from", "to", "rho", "reason", "by");
        LocalDate from = day(options, "from");
        LocalDate to = day(options, "to");
        double rho = rho(options.required("rho"));
        try {
            ledger.raiseCap(from, to, rho, options.required("by"), options.required("reason"));
        } catch (IllegalArgumentException e) {
            err.println("privacy raise-cap failed: " + e.getMessage());
            return CommandLine.FAILED;
        }
        out.printf(Locale.ROOT, "The privacy cap of %s to %s is now rho = %.4f per privacy unit (recorded and audited).%n",
                from, to, rho);
        return CommandLine.OK;
    }

    static LocalDate day(Options options, String name) {
        String value = options.required(name);
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new Options.UsageException("option --" + name + " needs a day as YYYY-MM-DD, not '" + value + "'");
        }
    }

    private static double rho(String value) {
        try {
            double rho = Double.parseDouble(value);
            if (!(rho > 0) || Double.isInfinite(rho)) {
                throw new NumberFormatException();
            }
            return rho;
        } catch (NumberFormatException e) {
            throw new Options.UsageException("option --rho needs a positive number, not '" + value + "'");
        }
    }
}
