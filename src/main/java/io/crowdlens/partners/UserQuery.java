package io.crowdlens.partners;

/**
 * Which users to list.
 *
 * @param organisationId one organisation, or null for every organisation (account managers only)
 * @param search part of a name or email address, or blank
 */
public record UserQuery(Long organisationId, String search) {
}
