package io.crowdlens.pipeline.cli;

import io.crowdlens.pipeline.publish.ReleaseWithdrawal;
import java.io.PrintStream;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code releases withdraw --id N --reason WHY --by NAME}: takes the served release of a dataset out of
 * service; the dataset falls back to the newest earlier release that honours the current opt-out list,
 * or serves nothing.
 */
@Component
class ReleasesWithdrawCommand implements CliCommand {

    private final ReleaseWithdrawal withdrawal;

    ReleasesWithdrawCommand(ReleaseWithdrawal withdrawal) {
        this.withdrawal = withdrawal;
    }

    @Override
    public List<String> words() {
        return List.of("releases", "withdraw");
    }

    @Override
    public String usage() {
        return "--id RELEASE --reason WHY --by NAME";
    }

    @Override
    public int run(Options options, PrintStream out, PrintStream err) {
        options.allowOnly("id", "reason", "by");
        long id = options.integer("id").orElseThrow(() -> new Options.UsageException("option --id is required"));
        try {
            ReleaseWithdrawal.Outcome outcome = withdrawal.withdraw(id, options.required("by"), options.required("reason"));
            out.println("Release " + id + " (" + outcome.dataset() + ") withdrawn; "
                    + outcome.nowServed().map(r -> "the portal now serves release " + r + ", which honours the"
                            + " current opt-out list.")
                            .orElse("no earlier release honours the current opt-out list, so the portal serves no "
                                    + outcome.dataset().toLowerCase() + " figures until the next run."));
            return CommandLine.OK;
        } catch (IllegalArgumentException e) {
            err.println("releases withdraw failed: " + e.getMessage());
            return CommandLine.FAILED;
        }
    }
}
