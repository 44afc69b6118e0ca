package io.crowdlens.pipeline.cli;

import io.crowdlens.pipeline.publish.ReleaseHistory;
import java.io.PrintStream;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code releases report --id N}: a release's status, why it is held, and its run's data-quality report. */
@Component
class ReleasesReportCommand implements CliCommand {

    private final ReleaseHistory releases;

    ReleasesReportCommand(ReleaseHistory releases) {
        this.releases = releases;
    }

    @Override
    public List<String> words() {
        return List.of("releases", "report");
    }

    @Override
    public String usage() {
        return "--id RELEASE";
    }

    @Override
    public int run(Options options, PrintStream out, PrintStream err) {
        options.allowOnly("id");
        long id = options.integer("id").orElseThrow(() -> new Options.UsageException("option --id is required"));
        return releases.report(id).map(text -> {
            out.println(text);
            return CommandLine.OK;
        }).orElseGet(() -> {
            err.println("releases report failed: there is no release " + id);
            return CommandLine.FAILED;
        });
    }
}
