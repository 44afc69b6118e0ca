package io.crowdlens.security;

/** What a user may do. Partner roles act within their own organisation; the other two are operator staff. */
public enum Role {
    PARTNER_ANALYST("Partner analyst"),
    PARTNER_ADMIN("Partner admin"),
    ACCOUNT_MANAGER("Account manager"),
    DATA_OPERATOR("Data operator");

    /** Constants for {@code @RolesAllowed}/{@code @PreAuthorize}, which need compile-time strings. */
    public static final String ANALYST = "PARTNER_ANALYST";
    public static final String PARTNER_ADMIN_ROLE = "PARTNER_ADMIN";
    public static final String ACCOUNT_MANAGER_ROLE = "ACCOUNT_MANAGER";
    public static final String DATA_OPERATOR_ROLE = "DATA_OPERATOR";

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String authority() {
        return "ROLE_" + name();
    }

    public boolean isOperatorStaff() {
        return this == ACCOUNT_MANAGER || this == DATA_OPERATOR;
    }
}
