package io.crowdlens.pipeline.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Runs the jar's commands ({@code pipeline run ...}, {@code releases list}) instead of the portal.
 * Arguments of the form {@code --some.property=value} are Spring settings, not command options.
 */
@Component
public class CommandLine {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private final List<CliCommand> commands;

    public CommandLine(List<CliCommand> commands) {
        this.commands = commands.stream()
                .sorted(Comparator.comparing((CliCommand c) -> String.join(" ", c.words())))
                .toList();
    }

    /** A first argument that is a word, not an option, asks for a command rather than the portal. */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && !args[0].startsWith("-");
    }

    /** The arguments Spring should see: property settings only. */
    public static String[] springArguments(String[] args) {
        return Arrays.stream(args).filter(CommandLine::isSpringProperty).toArray(String[]::new);
    }

    public int execute(String[] args, PrintStream out, PrintStream err) {
        List<String> words = Arrays.stream(args).filter(a -> !isSpringProperty(a)).toList();
        for (CliCommand command : commands) {
            if (words.size() >= command.words().size()
                    && words.subList(0, command.words().size()).equals(command.words())) {
                try {
                    Options options = Options.parse(words.subList(command.words().size(), words.size()));
                    return command.run(options, out, err);
                } catch (Options.UsageException e) {
                    err.println(e.getMessage());
                    err.println("usage: " + String.join(" ", command.words()) + " " + command.usage());
                    return USAGE;
                }
            }
        }
        err.println("unknown command: " + String.join(" ", words));
        usage(err);
        return USAGE;
    }

    private void usage(PrintStream err) {
        err.println("commands:");
        for (CliCommand command : commands) {
            err.println("  " + String.join(" ", command.words()) + " " + command.usage());
        }
    }

    private static boolean isSpringProperty(String arg) {
        return arg.startsWith("--") && arg.contains("=");
    }
}
