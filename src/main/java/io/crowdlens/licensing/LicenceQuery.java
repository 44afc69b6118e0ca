package io.crowdlens.licensing;

/**
 * Which licences to list.
 *
 * @param organisationId one organisation, or null for all
 * @param search part of an organisation's name, or blank
 * @param activeOnly leave out revoked and expired licences
 */
public record LicenceQuery(Long organisationId, String search, boolean activeOnly) {
}
