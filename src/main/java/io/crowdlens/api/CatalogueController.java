package io.crowdlens.api;

import io.crowdlens.api.CatalogueResponses.DatasetEntry;
import io.crowdlens.api.CatalogueResponses.DatasetList;
import io.crowdlens.api.CatalogueResponses.ReleaseList;
import io.crowdlens.api.CatalogueResponses.TokenInfo;
import io.crowdlens.common.Dataset;
import io.crowdlens.licensing.LicenceScopeService;
import io.crowdlens.release.ReleaseCatalogue;
import io.crowdlens.release.ReleaseSummary;
import io.crowdlens.security.ApiTokenAuthentication;
import io.crowdlens.security.ApiTokenScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Which datasets and releases the caller's token reads, and the token itself. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@ReadsCatalogue
@Tag(name = "Catalogue", description = "Your datasets, their served releases, and the token you are using")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class CatalogueController {

    private final ApiCaller caller;
    private final LicenceScopeService licences;
    private final ReleaseCatalogue releases;

    CatalogueController(ApiCaller caller, LicenceScopeService licences, ReleaseCatalogue releases) {
        this.caller = caller;
        this.licences = licences;
        this.releases = releases;
    }

    @GetMapping("/datasets")
    @Operation(summary = "The datasets this token reads",
            description = "Datasets the token was created for that your organisation's licences still cover, each "
                    + "with the release served now and the minimum crowd your figures are checked against.")
    DatasetList datasets() {
        Set<Dataset> readable = readable();
        Map<Dataset, ReleaseSummary> served = servedFor(readable);
        List<DatasetEntry> entries = new ArrayList<>();
        for (Dataset dataset : readable) {
            int k = licences.scopeFor(dataset).minimumCrowd();
            ReleaseSummary release = served.get(dataset);
            entries.add(new DatasetEntry(dataset.name(), dataset.label(),
                    release == null ? null : ReleaseEntry.of(release, k),
                    release == null ? k : Math.max(k, release.minimumCrowd())));
        }
        return new DatasetList(entries);
    }

    @GetMapping("/releases")
    @Operation(summary = "The releases served now",
            description = "One release per dataset this token reads: its period, time zone and privacy parameters "
                    + "(minimum crowd, rounding, opt-out list version). Never exact input counts.")
    ReleaseList releases() {
        Set<Dataset> readable = readable();
        Map<Dataset, ReleaseSummary> served = servedFor(readable);
        List<ReleaseEntry> entries = new ArrayList<>();
        for (Dataset dataset : readable) {
            Optional.ofNullable(served.get(dataset)).ifPresent(release ->
                    entries.add(ReleaseEntry.of(release, licences.scopeFor(dataset).minimumCrowd())));
        }
        return new ReleaseList(entries);
    }

    @GetMapping("/token")
    @Operation(summary = "The token you are using",
            description = "Its name, what it may read now, when it expires, and whom it acts as. Never its secret.")
    TokenInfo token() {
        ApiTokenAuthentication token = caller.token();
        return new TokenInfo(token.token().name(),
                token.token().scopes().stream().sorted().map(ApiTokenScope::name).toList(),
                token.token().expiresAt(), token.user().displayName(), token.user().organisationName());
    }

    /** The token's datasets that the user may know of now (licence scope decides; the token only narrows). */
    private Set<Dataset> readable() {
        Set<Dataset> readable = EnumSet.noneOf(Dataset.class);
        readable.addAll(licences.visibleDatasets());
        readable.retainAll(caller.datasets());
        return readable;
    }

    private Map<Dataset, ReleaseSummary> servedFor(Set<Dataset> datasets) {
        return releases.served(datasets).stream()
                .collect(Collectors.toMap(ReleaseSummary::dataset, Function.identity()));
    }
}
