package io.crowdlens.common;

/** A product a partner can be licensed for. */
public enum Dataset {
    PRESENCE("Presence"),
    VISITS("Visitors"),
    COMMUTING("Commuters");

    private final String label;

    Dataset(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
