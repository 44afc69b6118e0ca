package io.crowdlens.pipeline.cli;

import io.crowdlens.pipeline.publish.PrivacyLedger;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** {@code privacy ledger --from DAY --to DAY}: what each day has spent of its privacy budget, and its cap. */
@Component
class PrivacyLedgerCommand implements CliCommand {

    private final PrivacyLedger ledger;

    PrivacyLedgerCommand(PrivacyLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public List<String> words() {
        return List.of("privacy", "ledger");
    }

    @Override
    public String usage() {
        return "--from YYYY-MM-DD --to YYYY-MM-DD";
    }

    @Override
    public int run(Options options, PrintStream out, PrintStream err) {
        options.allowOnly("from", "to");
        LocalDate from = PrivacyRaiseCapCommand.day(options, "from");
        LocalDate to = PrivacyRaiseCapCommand.day(options, "to");
        if (from.isAfter(to) || to.isAfter(from.plusDays(366))) {
            throw new Options.UsageException("--from must not be after --to, and at most a year apart");
        }
        out.printf(Locale.ROOT, "%-10s %10s %10s %10s%n", "day", "spent rho", "cap", "left");
        for (PrivacyLedger.DaySpend day : ledger.spending(from, to).values()) {
            out.printf(Locale.ROOT, "%-10s %10.4f %10.4f %10.4f%n", day.day(), day.spent(), day.cap(),
                    Math.max(0, day.cap() - day.spent()));
        }
        out.println("rho is zero-concentrated differential privacy per privacy unit (a device on one day);"
                + " see docs/privacy.md, \"The accountant\".");
        return CommandLine.OK;
    }
}
