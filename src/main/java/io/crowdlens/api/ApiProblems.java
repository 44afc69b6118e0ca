package io.crowdlens.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/** Builds and writes problem details (RFC 9457), from controllers and from filters alike. */
public final class ApiProblems {

    private static final JsonMapper JSON = JsonMapper.shared();

    private ApiProblems() {
    }

    public static ProblemDetail of(ApiProblem problem, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), detail);
        body.setType(problem.type());
        body.setTitle(problem.title());
        return body;
    }

    public static ResponseEntity<ProblemDetail> response(ApiProblem problem, String detail) {
        return status(problem).body(of(problem, detail));
    }

    /** The start of a problem response, for adding headers (Retry-After, WWW-Authenticate) before the body. */
    public static ResponseEntity.BodyBuilder status(ApiProblem problem) {
        return ResponseEntity.status(problem.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** For filters, which answer before any controller: the same body a controller's answer would have. */
    public static void write(HttpServletRequest request, HttpServletResponse response, ApiProblem problem,
            String detail) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(problem.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type().toString());
        body.put("title", problem.title());
        body.put("status", problem.status().value());
        body.put("detail", detail);
        // as Spring MVC fills it in for the controllers' problems: the request's own path, as it was sent
        body.put("instance", request.getRequestURI());
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }
}
