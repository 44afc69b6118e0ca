package io.crowdlens.partners.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.crowdlens.common.ui.Confirmations;
import io.crowdlens.partners.AdministrationException;
import io.crowdlens.partners.UserAdministration;
import io.crowdlens.partners.UserQuery;
import io.crowdlens.partners.UserSummary;
import io.crowdlens.security.Role;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;

/**
 * A searchable, paged list of users with everything an administrator does to them: invite, roles,
 * disable and enable, unlock, reset password, reset two-factor. Used by account managers (one
 * organisation, or all) and by partner admins (their own organisation; the service enforces it).
 */
class UserPanel extends VerticalLayout {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private final UserAdministration users;
    private final Long organisationId;
    private final TextField search = new TextField();
    private final Grid<UserSummary> grid = new Grid<>();

    /** @param organisationId the organisation whose users to show and invite into; null for all (no invite) */
    UserPanel(UserAdministration users, Long organisationId, boolean showOrganisation) {
        this.users = users;
        this.organisationId = organisationId;
        setPadding(false);
        search.setPlaceholder("Search by name or email");
        search.setId("user-search");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setMaxLength(100);
        search.setClearButtonVisible(true);
        grid.setId("users");
        grid.addColumn(UserSummary::displayName).setHeader("Name").setAutoWidth(true);
        grid.addColumn(UserSummary::username).setHeader("Email").setAutoWidth(true);
        if (showOrganisation) {
            grid.addColumn(UserSummary::organisationName).setHeader("Organisation").setAutoWidth(true);
        }
        grid.addColumn(u -> labels(u.roles())).setHeader("Roles").setAutoWidth(true);
        grid.addColumn(UserSummary::status).setHeader("Status").setAutoWidth(true);
        grid.addColumn(u -> u.twoFactorEnabled() ? "On" : "Off").setHeader("Two-factor").setAutoWidth(true);
        grid.addColumn(u -> u.lastSignIn() == null ? "Never" : DAY.format(u.lastSignIn())).setHeader("Last sign-in")
                .setAutoWidth(true);
        grid.addComponentColumn(u -> {
            Button manage = new Button("Manage", e -> new UserDialog(u).open());
            manage.setId("manage-" + u.id());
            manage.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
            return manage;
        }).setHeader("").setAutoWidth(true);
        grid.setItems(q -> users.users(query(), q.getOffset(), q.getLimit()).stream(), q -> users.countUsers(query()));
        search.addValueChangeListener(e -> refresh());
        HorizontalLayout bar = new HorizontalLayout(search);
        if (organisationId != null) {
            Button invite = new Button("Invite user", e -> new InviteDialog().open());
            invite.setId("invite-user");
            invite.addThemeVariants(ButtonVariant.PRIMARY);
            bar.add(invite);
        }
        add(bar, grid);
    }

    private UserQuery query() {
        return new UserQuery(organisationId, search.getValue());
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private static String labels(Set<Role> roles) {
        return roles.stream().map(Role::label).sorted().collect(Collectors.joining(", "));
    }

    /** Runs an administrative change; a refusal is shown as it was given, a success refreshes the list. */
    private boolean attempt(Runnable change, String done) {
        try {
            change.run();
            refresh();
            Notification.show(done, 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.SUCCESS);
            return true;
        } catch (AdministrationException | AccessDeniedException refused) {
            Notification.show(refused.getMessage(), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.ERROR);
            return false;
        }
    }

    private CheckboxGroup<Role> roleChoice(long organisation) {
        CheckboxGroup<Role> roles = new CheckboxGroup<>("Roles");
        roles.setId("roles");
        roles.setItems(users.assignableRoles(organisation).stream().sorted(Comparator.comparing(Role::label)).toList());
        roles.setItemLabelGenerator(Role::label);
        return roles;
    }

    private class InviteDialog extends Dialog {
        InviteDialog() {
            setHeaderTitle("Invite a user");
            setId("invite-dialog");
            EmailField email = new EmailField("Email");
            email.setId("invite-email");
            email.setWidthFull();
            TextField name = new TextField("Name");
            name.setId("invite-name");
            name.setWidthFull();
            CheckboxGroup<Role> roles = roleChoice(organisationId);
            Paragraph error = new Paragraph();
            error.setId("invite-error");
            error.getStyle().set("color", "var(--lumo-error-text-color)");
            add(new VerticalLayout(email, name, roles, error));
            Button send = new Button("Invite", e -> {
                try {
                    var invitation = users.invite(organisationId, email.getValue(), name.getValue(), roles.getValue());
                    close();
                    refresh();
                    new LinkDialog(invitation).open();
                } catch (AdministrationException refused) {
                    error.setText(refused.getMessage());
                }
            });
            send.setId("send-invitation");
            send.addThemeVariants(ButtonVariant.PRIMARY);
            getFooter().add(new Button("Cancel", e -> close()), send);
            setWidth("32rem");
        }
    }

    private class UserDialog extends Dialog {
        UserDialog(UserSummary user) {
            setHeaderTitle(user.displayName());
            setId("user-dialog");
            Div body = new Div();
            body.add(new Paragraph(user.username() + " · " + user.organisationName() + " · " + user.status()));
            CheckboxGroup<Role> roles = roleChoice(user.organisationId());
            roles.setValue(user.roles());
            Button saveRoles = new Button("Save roles", e -> {
                if (attempt(() -> users.changeRoles(user.id(), roles.getValue()), "Roles saved")) {
                    close();
                }
            });
            saveRoles.setId("save-roles");
            body.add(roles, saveRoles);

            HorizontalLayout actions = new HorizontalLayout();
            actions.setWrap(true);
            if (user.enabled()) {
                Button disable = new Button("Disable", e -> Confirmations.confirm("Disable " + user.displayName() + "?",
                        "They are signed out at once and cannot sign in until enabled again.", "Disable", () -> {
                            if (attempt(() -> users.disable(user.id()), user.displayName() + " disabled")) {
                                close();
                            }
                        }));
                disable.setId("disable-user");
                disable.addThemeVariants(ButtonVariant.ERROR);
                actions.add(disable);
            } else {
                Button enable = new Button("Enable", e -> {
                    if (attempt(() -> users.enable(user.id()), user.displayName() + " enabled")) {
                        close();
                    }
                });
                enable.setId("enable-user");
                actions.add(enable);
            }
            if (user.locked()) {
                Button unlock = new Button("Unlock", e -> {
                    if (attempt(() -> users.unlock(user.id()), user.displayName() + " unlocked")) {
                        close();
                    }
                });
                unlock.setId("unlock-user");
                actions.add(unlock);
            }
            Button reset = new Button(user.activated() ? "Reset password" : "New invitation link",
                    e -> Confirmations.confirm("Issue a new link for " + user.displayName() + "?",
                            "Any earlier link stops working. " + (user.activated()
                                    ? "Their current password keeps working until they use the new link." : ""),
                            "Issue link", () -> {
                                try {
                                    var invitation = users.resetPassword(user.id());
                                    close();
                                    new LinkDialog(invitation).open();
                                } catch (AdministrationException | AccessDeniedException refused) {
                                    Notification.show(refused.getMessage(), 5000, Notification.Position.MIDDLE);
                                }
                            }));
            reset.setId("reset-password");
            actions.add(reset);
            if (user.twoFactorEnabled()) {
                Button resetTwoFactor = new Button("Reset two-factor", e -> Confirmations.confirm(
                        "Reset two-factor for " + user.displayName() + "?",
                        "Their authenticator and recovery codes stop working and their sessions end. Where their role "
                                + "requires two-factor, they set it up again at their next sign-in.",
                        "Reset two-factor", () -> {
                            if (attempt(() -> users.resetTwoFactor(user.id()), "Two-factor reset")) {
                                close();
                            }
                        }));
                resetTwoFactor.setId("reset-two-factor");
                actions.add(resetTwoFactor);
            }
            body.add(actions);
            add(body);
            getFooter().add(new Button("Close", e -> close()));
            setWidth("36rem");
        }
    }
}
