package io.crowdlens.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

import io.crowdlens.pipeline.demo.DemoDropFormat;
import io.crowdlens.pipeline.demo.DemoDropGenerator;
import io.crowdlens.pipeline.demo.DemoDropSpec;
import io.crowdlens.pipeline.demo.DemoDropSummary;

/** The benchmark drop, cached under target/ so the engine benchmarks do not pay for generating it. */
final class BenchDrop {

    /** About 39 events per device and day: 20,000 devices for 14 days make about 10.9 million event rows. */
    static final int DEFAULT_DEVICES = 20_000;

    private BenchDrop() {
    }

    static DemoDropSpec spec() {
        return DemoDropSpec.of(Integer.getInteger("bench.devices", DEFAULT_DEVICES),
                Integer.getInteger("bench.days", DemoDropSpec.DEFAULT_DAYS),
                Long.getLong("bench.seed", DemoDropSpec.DEFAULT_SEED));
    }

    static Path directory(DemoDropSpec spec) {
        String suffix = spec.format() == DemoDropFormat.CSV ? "" : "-" + spec.format().name().toLowerCase(Locale.ROOT);
        return Path.of("target", "bench-drop-" + spec.devices() + "-" + spec.days() + "-" + spec.seed() + suffix);
    }

    /** True when a complete drop is cached: the generator writes manifest.json last. */
    static boolean cached(DemoDropSpec spec) {
        return Files.exists(directory(spec).resolve("manifest.json"));
    }

    static DemoDropSummary regenerate(DemoDropSpec spec) throws IOException {
        Path dir = directory(spec);
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        return DemoDropGenerator.write(spec, dir, (done, total, rows) -> {
            if (done % 5_000 == 0) {
                System.out.printf("generated %,d of %,d devices, %,d event rows%n", done, total, rows);
            }
        });
    }
}
