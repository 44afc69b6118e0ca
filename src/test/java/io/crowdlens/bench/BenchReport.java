package io.crowdlens.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Replaces one marked section of docs/benchmarks.md with a benchmark's latest results. */
final class BenchReport {

    static final Path FILE = Path.of("docs", "benchmarks.md");

    private BenchReport() {
    }

    static void replaceSection(String section, String markdown) throws IOException {
        String begin = "<!-- BEGIN " + section + " (written by the benchmark; edits are overwritten) -->";
        String end = "<!-- END " + section + " -->";
        String document = Files.exists(FILE) ? Files.readString(FILE, StandardCharsets.UTF_8) : "# Benchmarks\n";
        String block = begin + "\n" + markdown.strip() + "\n" + end;
        int from = document.indexOf(begin);
        int to = document.indexOf(end);
        String updated = from >= 0 && to > from
                ? document.substring(0, from) + block + document.substring(to + end.length())
                : document.stripTrailing() + "\n\n" + block + "\n";
        Files.writeString(FILE, updated, StandardCharsets.UTF_8);
    }
}
