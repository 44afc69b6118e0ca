package io.crowdlens.pipeline.demo;

import java.time.LocalDate;

/**
 * One synthetic subscriber: where it lives and works and how it commutes.
 *
 * @param optOutReceivedOn the date its opt-out arrived, or null when it did not opt out
 * @param lunchSite        index into the metro's sites of a shopping centre near work, or -1
 */
record DeviceProfile(int index, byte[] id, LocalDate optOutReceivedOn, boolean employed,
                     int homeCell, int homeNeighbourCell, int workCell, int[] routeToWork, int[] routeHome,
                     int commuteSeconds, int departureSecond, int workSeconds, int favouriteSite, int lunchSite) {

    boolean optedOut() {
        return optOutReceivedOn != null;
    }
}
