package io.crowdlens.ui;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.crowdlens.common.Dataset;
import io.crowdlens.licensing.LicenceScopeService;
import io.crowdlens.release.ReleaseCatalogue;
import io.crowdlens.release.ReleaseSummary;
import io.crowdlens.security.CurrentUser;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The frame around every signed-in page. Navigation lists only the views the user's roles may open
 * (Vaadin filters the menu through the same access control that guards the routes).
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final ReleaseCatalogue releases;
    private final LicenceScopeService licences;
    private final CurrentUser currentUser;
    private final Span footer = new Span();
    private final SideNav nav = new SideNav();
    private final Div contentArea = new Div();

    public MainLayout(ReleaseCatalogue releases, LicenceScopeService licences, CurrentUser currentUser,
            AuthenticationContext authentication) {
        this.releases = releases;
        this.licences = licences;
        this.currentUser = currentUser;
        Span brand = new Span("CrowdLens");
        brand.addClassName("crowdlens-brand");
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), brand);
        header.setAlignItems(Alignment.CENTER);
        header.setWidthFull();
        currentUser.find().ifPresent(user -> {
            Span who = new Span(user.displayName() + " · " + user.organisationName());
            who.setId("signed-in-user");
            Anchor account = new Anchor("account", "Account");
            account.setId("account-link");
            Button signOut = new Button("Sign out", e -> authentication.logout());
            signOut.addThemeVariants(ButtonVariant.TERTIARY);
            signOut.setId("sign-out");
            Div spacer = new Div();
            header.add(spacer, who, account, signOut);
            header.setFlexGrow(1, spacer);
        });
        header.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(true, header);
        nav.setId("main-nav");
        footer.setId("release-footer");
        footer.addClassName("crowdlens-footer");
        contentArea.addClassName("crowdlens-content");
        Div frame = new Div(contentArea, footer);
        frame.getStyle().set("display", "flex").set("flex-direction", "column").set("min-height", "100%");
        contentArea.getStyle().set("flex", "1");
        setContent(frame);
        VerticalLayout drawer = new VerticalLayout(nav);
        drawer.setPadding(true);
        addToDrawer(drawer);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        nav.removeAll();
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            nav.addItem(new SideNavItem(entry.title(), entry.path()));
        }
        footer.setText(currentUser.find().isPresent() ? servedReleases() : "");
    }

    /** The served release of each dataset the user may know of; a partner's footer names only its licensed ones. */
    private String servedReleases() {
        Set<Dataset> visible = licences.visibleDatasets();
        if (visible.isEmpty()) {
            return "No licensed datasets";
        }
        List<ReleaseSummary> served = releases.served(visible);
        return served.isEmpty() ? "No data published yet"
                : "Served: " + served.stream().map(ReleaseSummary::shortLine).collect(Collectors.joining(" · "));
    }

    /** Views go above the footer instead of replacing the whole content area. */
    @Override
    public void showRouterLayoutContent(HasElement view) {
        contentArea.getElement().removeAllChildren();
        if (view != null) {
            contentArea.getElement().appendChild(view.getElement());
        }
    }
}
