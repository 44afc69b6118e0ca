package io.crowdlens.presence;

/** What one number on the map means. */
public enum PresenceMetric {
    /** Mean of the hourly distinct-device counts over the selected hours; hours below k count as zero. */
    AVERAGE_HOURLY("Average devices per hour"),
    /** The largest hourly distinct-device count among the selected hours. */
    PEAK_HOUR("Devices in the peak hour");

    private final String label;

    PresenceMetric(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
