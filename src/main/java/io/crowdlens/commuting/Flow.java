package io.crowdlens.commuting;

/**
 * Commuters living in {@code home} and working in {@code work} over the release's period: a published
 * figure of at least k distinct devices (pairs below k are never shown).
 */
public record Flow(District home, District work, long commuters) {
}
