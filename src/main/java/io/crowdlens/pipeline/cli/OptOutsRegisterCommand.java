package io.crowdlens.pipeline.cli;

import io.crowdlens.pipeline.drop.DropException;
import io.crowdlens.pipeline.drop.OptOutFile;
import io.crowdlens.pipeline.publish.OptOutListRegister;
import io.crowdlens.pipeline.publish.ReleaseHistory;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code pipeline optouts --file optouts.csv --version LABEL}: the operator records that a new
 * opt-out list has arrived (PRIVACY.md rule 2). Only its version and size are stored; every served
 * release that honoured an older list is reported stale until it is re-published.
 */
@Component
class OptOutsRegisterCommand implements CliCommand {

    private final OptOutListRegister register;
    private final ReleaseHistory releases;

    OptOutsRegisterCommand(OptOutListRegister register, ReleaseHistory releases) {
        this.register = register;
        this.releases = releases;
    }

    @Override
    public List<String> words() {
        return List.of("pipeline", "optouts");
    }

    @Override
    public String usage() {
        return "--file optouts.csv --version LABEL";
    }

    @Override
    public int run(Options options, PrintStream out, PrintStream err) {
        options.allowOnly("file", "version");
        Path file = Path.of(options.required("file"));
        String version = options.required("version").strip();
        if (version.isEmpty() || version.length() > 100) {
            throw new Options.UsageException("--version needs a label of 1 to 100 characters");
        }
        long devices;
        boolean registered;
        try {
            OptOutFile.Content content = OptOutFile.content(file);
            devices = content.devices();
            registered = register.register(version, devices, content.digest(), "command line, file " + file.getFileName());
        } catch (DropException | UncheckedIOException e) {
            err.println("pipeline optouts failed: " + e.getMessage());
            return CommandLine.FAILED;
        }
        if (!registered) {
            out.println("Opt-out list " + version + " was registered before; nothing changed.");
        } else {
            out.println("Opt-out list " + version + " registered: " + devices + " devices.");
        }
        List<ReleaseHistory.Entry> stale = releases.newestFirst().stream()
                .filter(r -> r.stale() && r.status().equals("PUBLISHED")).toList();
        for (ReleaseHistory.Entry r : stale) {
            out.println("STALE: " + r.dataset() + " release " + r.id() + " honoured opt-out list "
                    + r.optOutListVersion() + "; re-publish with 'pipeline run --drop DIR' on a drop carrying list "
                    + version + ".");
        }
        return CommandLine.OK;
    }
}
