package io.crowdlens.pipeline.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * One command of the jar's command line, e.g. {@code pipeline run}. A new command is one Spring bean
 * implementing this; {@link CommandLine} finds it by its words.
 */
public interface CliCommand {

    /** The words that select this command, e.g. ["pipeline", "run"]. */
    List<String> words();

    /** One line: the options after the words, e.g. "--drop DIR [--k N]". */
    String usage();

    /**
     * @param options the arguments after the command's words
     * @return the process exit code: 0 success, 1 failure, 2 wrong usage
     */
    int run(Options options, PrintStream out, PrintStream err);
}
