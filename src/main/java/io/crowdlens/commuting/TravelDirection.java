package io.crowdlens.commuting;

/** Which way passes went along a corridor; OUTBOUND is the way its line is drawn (out of the city in the demo). */
public enum TravelDirection {
    OUTBOUND("Outbound"),
    INBOUND("Inbound");

    private final String label;

    TravelDirection(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
