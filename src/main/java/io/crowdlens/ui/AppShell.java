package io.crowdlens.ui;

import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

@StyleSheet(Lumo.STYLESHEET)
@CssImport("./styles/crowdlens.css")
// The shared chart and map components load eagerly, not in the chunk of the first route that used
// them: a view added later finds them defined instead of rendering an empty, never-upgraded element.
@JsModule("./components/chart.ts")
@JsModule("./components/area-map.ts")
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("CrowdLens");
        settings.addFavIcon("icon", "icons/crowdlens.svg", "any");
        settings.addMetaTag("description", "Aggregate, privacy-protected mobility insight for licensed partners");
    }
}
