package io.crowdlens.pipeline.cli;

import io.crowdlens.pipeline.publish.ReleaseHistory;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** {@code releases list}: the releases kept in the serving database, newest (the served one) first. */
@Component
class ReleasesListCommand implements CliCommand {

    /** The drop column (%s) is as wide as the longest drop id, so the columns after it line up. */
    private static final String ROW = "%%-6s %%-10s %%-17s %%-%ds %%-23s %%-16s %%4s %%5s %%-12s %%12s %%10s %%10s %%-8s %%-17s %%8s %%8s %%s%%n";

    private final ReleaseHistory releases;

    ReleasesListCommand(ReleaseHistory releases) {
        this.releases = releases;
    }

    @Override
    public List<String> words() {
        return List.of("releases", "list");
    }

    @Override
    public String usage() {
        return "";
    }

    @Override
    public int run(Options options, PrintStream out, PrintStream err) {
        options.allowOnly();
        List<ReleaseHistory.Entry> all = releases.newestFirst();
        if (all.isEmpty()) {
            out.println("No releases yet: run 'pipeline run --drop DIR'.");
            return CommandLine.OK;
        }
        int dropWidth = Math.max("drop".length(), all.stream().mapToInt(r -> r.dropId().length()).max().orElse(0));
        String row = ROW.formatted(dropWidth);
        out.printf(Locale.ROOT, row, "id", "dataset", "status", "drop", "period", "time zone", "k", "round",
                "opt-outs", "rows read", "rejected", "aggregates", "engine", "noise", "rho/unit", "eps/unit", "published at");
        for (ReleaseHistory.Entry r : all) {
            out.printf(Locale.ROOT, row, r.id(), r.dataset(), r.status() + (r.stale() ? ",STALE" : ""), r.dropId(), r.periodFrom() + ".." + r.periodTo(),
                    r.timeZone(), r.minimumCrowd(), r.rounding(), r.optOutListVersion(), r.rowsRead(), r.rowsRejected(),
                    r.aggregateRows(), r.engine(), r.noiseMechanism(), String.format(Locale.ROOT, "%.4f", r.rhoPerUnit()),
                    String.format(Locale.ROOT, "%.3f", r.epsilonPerUnit()), r.publishedAt());
        }
        if (all.stream().anyMatch(r -> r.stale() && r.status().equals("PUBLISHED"))) {
            out.println("STALE: an opt-out list arrived after the one these releases honoured;"
                    + " re-publish with 'pipeline run --drop DIR' on a drop carrying the newest list.");
        }
        if (all.stream().anyMatch(r -> r.status().equals("AWAITING_REVIEW"))) {
            out.println("AWAITING_REVIEW: held because its run's quality checks failed; not served. Read why with"
                    + " 'releases report --id N', then 'releases approve --id N --by NAME' or 'releases withdraw'.");
        }
        out.println("rho/unit: what one privacy unit (a device on one day) spent, in zero-concentrated differential"
                + " privacy; eps/unit: the (epsilon, delta) bound it implies at the deployment's delta (docs/privacy.md).");
        return CommandLine.OK;
    }
}
