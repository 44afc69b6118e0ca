package io.crowdlens.pipeline.cli;

import io.crowdlens.pipeline.publish.ReleaseApproval;
import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * {@code releases approve --id N --by NAME}: serves a run held for review after its quality report was
 * read; every held release of the run is served together.
 */
@Component
class ReleasesApproveCommand implements CliCommand {

    private final ReleaseApproval approval;

    ReleasesApproveCommand(ReleaseApproval approval) {
        this.approval = approval;
    }

    @Override
    public List<String> words() {
        return List.of("releases", "approve");
    }

    @Override
    public String usage() {
        return "--id RELEASE --by NAME";
    }

    @Override
    public int run(Options options, PrintStream out, PrintStream err) {
        options.allowOnly("id", "by");
        long id = options.integer("id").orElseThrow(() -> new Options.UsageException("option --id is required"));
        try {
            ReleaseApproval.Outcome outcome = approval.approve(id, options.required("by"));
            out.println("Approved: the portal now serves release" + (outcome.served().size() > 1 ? "s " : " ")
                    + outcome.served().stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + (outcome.superseded().isEmpty() ? "" : " in place of "
                            + outcome.superseded().stream().map(String::valueOf).collect(Collectors.joining(", ")))
                    + ".");
            return CommandLine.OK;
        } catch (IllegalArgumentException e) {
            err.println("releases approve failed: " + e.getMessage());
            return CommandLine.FAILED;
        }
    }
}
