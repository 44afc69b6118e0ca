package io.crowdlens.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.RouteNotFoundError;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Shown, with status 404, for an address that is no page of the portal (a mistyped or outdated link),
 * instead of Vaadin's development-style "could not navigate" text. It names nothing about which pages
 * exist for other roles.
 */
@AnonymousAllowed
public class PageNotFoundView extends RouteNotFoundError {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        getElement().removeAllChildren();
        Div page = new Div(new H2("This page does not exist"),
                new Paragraph("The address may be mistyped, or the link may be out of date."),
                new Anchor("", "Go to the start page"));
        page.setId("page-not-found");
        page.addClassName("crowdlens-page");
        getElement().appendChild(page.getElement());
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
