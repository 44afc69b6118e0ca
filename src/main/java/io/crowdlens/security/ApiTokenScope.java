package io.crowdlens.security;

import io.crowdlens.common.Dataset;
import java.util.Optional;

/**
 * What an API token may be used for: one licensed dataset through the partner API, or scraping the
 * metrics endpoint (data operators). Stored by name: only ever add constants.
 */
public enum ApiTokenScope {
    PRESENCE(Dataset.PRESENCE),
    VISITS(Dataset.VISITS),
    COMMUTING(Dataset.COMMUTING),
    METRICS(null);

    private final Dataset dataset;

    ApiTokenScope(Dataset dataset) {
        this.dataset = dataset;
    }

    /** The dataset this scope opens, or empty for {@link #METRICS}. */
    public Optional<Dataset> dataset() {
        return Optional.ofNullable(dataset);
    }

    public String label() {
        return dataset == null ? "Metrics" : dataset.label();
    }

    public static ApiTokenScope of(Dataset dataset) {
        return valueOf(dataset.name());
    }
}
