package io.crowdlens.partners;

/** One row of the account manager's organisation list. */
public record OrganisationSummary(long id, String name, String kind, String status, int users, int activeLicences) {

    public boolean suspended() {
        return "SUSPENDED".equals(status);
    }

    public OrganisationKind organisationKind() {
        return OrganisationKind.valueOf(kind);
    }
}
