package io.crowdlens.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * What no endpoint answers under /api: a problem detail, never the portal's HTML page. Picked by
 * Spring MVC only when no other mapping matches the request fully, so it tells apart a path that
 * does not exist (404) from one that exists for other methods (405, with Allow).
 */
@Hidden
@RestController
@ReadsCatalogue
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ApiFallbackController {

    static final String NOT_FOUND = "There is no such API endpoint; the contract is at /api/openapi.";

    private final RequestMappingHandlerMapping mappings;

    ApiFallbackController(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    @RequestMapping("/api/**")
    ResponseEntity<ProblemDetail> nothingHere(HttpServletRequest request) {
        Set<String> allowed = new TreeSet<>();
        boolean pathExists = false;
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            if (info.getPathPatternsCondition() == null
                    || info.getPathPatternsCondition().getPatternValues().contains("/api/**")
                    || info.getPathPatternsCondition().getMatchingCondition(request) == null) {
                continue;
            }
            pathExists = true;
            info.getMethodsCondition().getMethods().forEach(m -> allowed.add(m.name()));
        }
        if (!pathExists) {
            return ApiProblems.response(ApiProblem.NOT_FOUND, NOT_FOUND);
        }
        if (allowed.isEmpty() || allowed.contains(request.getMethod())) {
            throw new ApiProblemException(ApiProblem.NOT_ACCEPTABLE, ApiFormats.NOT_ACCEPTABLE);
        }
        return ApiProblems.status(ApiProblem.METHOD_NOT_ALLOWED)
                .header(HttpHeaders.ALLOW, String.join(", ", allowed))
                .body(ApiProblems.of(ApiProblem.METHOD_NOT_ALLOWED, "This endpoint takes only "
                        + String.join(", ", allowed) + "."));
    }
}
