package io.crowdlens.pipeline.commuting;

import io.crowdlens.pipeline.ClassifiedDrop;
import io.crowdlens.pipeline.commuting.CorridorGeometry.CorridorCell;
import io.crowdlens.pipeline.engine.EngineKind;
import io.crowdlens.pipeline.homework.HandBuiltDrop;
import io.crowdlens.pipeline.homework.HomeWorkSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the commuting product's engine part (no protection, no publishing) on a hand-built drop. */
final class CommutingEngineRun {

    private CommutingEngineRun() {
    }

    static CommutingCounts count(EngineKind engine, HandBuiltDrop drop, Path temp, CommutingSettings settings) {
        return count(engine, drop, temp, settings, io.crowdlens.privacy.PrivacySettings.Bounds.defaults());
    }

    static CommutingCounts count(EngineKind engine, HandBuiltDrop drop, Path temp, CommutingSettings settings,
            io.crowdlens.privacy.PrivacySettings.Bounds bounds) {
        Path run = temp.resolve("run-" + System.nanoTime());
        Path dropDirectory = drop.writeTo(run.resolve("drop"));
        try (ClassifiedDrop classified = ClassifiedDrop.of(engine, dropDirectory, run.resolve("out"))) {
            Path file = dropDirectory.resolve(CorridorReader.FILE);
            List<Corridor> corridors = Files.exists(file) ? CorridorReader.read(file) : List.of();
            List<CorridorCell> cells = new ArrayList<>();
            corridors.forEach(c -> cells.addAll(CorridorGeometry.cellsOf(c, classified.inputs().cells())));
            return CommutingProduct.count(classified.engine(), classified.inputs(), HomeWorkSettings.defaults(), settings,
                    bounds, corridors, cells);
        }
    }
}
