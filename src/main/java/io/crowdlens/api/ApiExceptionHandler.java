package io.crowdlens.api;

import jakarta.servlet.http.HttpServletRequest;
import java.beans.PropertyEditorSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error of an API endpoint as a problem detail (RFC 9457) with a stable type ({@link ApiProblem})
 * and a one-line detail that never echoes the request's input back and never names another
 * organisation's objects. Unexpected failures are logged here and answered without internals.
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
@Order(0)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /**
     * Ids are decimal. Spring's own number parsing would also read {@code 0x10} or {@code #10} as 16,
     * giving one object many names; here a malformed id is a 400, not a lookup.
     */
    @InitBinder
    void decimalIds(WebDataBinder binder) {
        binder.registerCustomEditor(long.class, new DecimalLongEditor(false));
        binder.registerCustomEditor(Long.class, new DecimalLongEditor(true));
    }

    private static final class DecimalLongEditor extends PropertyEditorSupport {

        private final boolean allowEmpty;

        DecimalLongEditor(boolean allowEmpty) {
            this.allowEmpty = allowEmpty;
        }

        @Override
        public void setAsText(String text) {
            String value = text == null ? "" : text.strip();
            if (value.isEmpty() && allowEmpty) {
                setValue(null);
            } else if (value.matches("-?[0-9]{1,19}")) {
                setValue(Long.parseLong(value)); // past Long.MAX_VALUE: NumberFormatException, a 400 like the rest
            } else {
                throw new IllegalArgumentException("not a decimal whole number");
            }
        }
    }

    @ExceptionHandler(ApiProblemException.class)
    ResponseEntity<ProblemDetail> problem(ApiProblemException e) {
        if (e.problem() == ApiProblem.UNAUTHORIZED) {
            return ApiProblems.status(e.problem())
                    .header(HttpHeaders.WWW_AUTHENTICATE, ApiAuthenticationEntryPoint.CHALLENGE)
                    .body(ApiProblems.of(e.problem(), e.getMessage()));
        }
        if (e.problem() == ApiProblem.UNAVAILABLE) {
            return ApiProblems.status(e.problem()).header(HttpHeaders.RETRY_AFTER, "1")
                    .body(ApiProblems.of(e.problem(), e.getMessage()));
        }
        return ApiProblems.response(e.problem(), e.getMessage());
    }

    /** A licence refusal from a query service: the same answer for "elsewhere" and "nowhere". */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return ApiProblems.response(ApiProblem.FORBIDDEN, ApiAnswers.NOT_COVERED);
    }

    /** The portal's own words: too few people, and how to widen the selection (same advice as on screen). */
    @ExceptionHandler(io.crowdlens.figures.SelectionBlockedException.class)
    ResponseEntity<ProblemDetail> blocked(io.crowdlens.figures.SelectionBlockedException e) {
        return ApiProblems.response(ApiProblem.SELECTION_BLOCKED, e.getMessage());
    }

    /** A pinned release that may not be used: one answer for unknown, withdrawn and another dataset's. */
    @ExceptionHandler(io.crowdlens.figures.ReleaseNotAvailableException.class)
    ResponseEntity<ProblemDetail> releaseNotAvailable(io.crowdlens.figures.ReleaseNotAvailableException e) {
        return ApiProblems.response(ApiProblem.RELEASE_NOT_AVAILABLE, e.getMessage());
    }

    /** A selection a query service refuses as malformed; its message is not passed on (it may hold input). */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> illegal(IllegalArgumentException e) {
        return ApiProblems.response(ApiProblem.INVALID_PARAMETER,
                "A parameter is out of range or malformed; see the API contract.");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        String expected = type == null ? "of another form"
                : type == Long.class || type == long.class || type == Integer.class || type == int.class
                        ? "a whole number in range"
                        : type.isEnum() ? "one of " + java.util.Arrays.toString(type.getEnumConstants())
                        : "of another form";
        return ApiProblems.response(ApiProblem.INVALID_PARAMETER, "Parameter '" + e.getName() + "' must be "
                + expected + ".");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e) {
        return ApiProblems.response(ApiProblem.INVALID_PARAMETER, "Parameter '" + e.getParameterName()
                + "' is required.");
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalid(HandlerMethodValidationException e) {
        String names = e.getParameterValidationResults().stream()
                .map(r -> r.getMethodParameter().getParameterName())
                .distinct().map(n -> "'" + n + "'").reduce((a, b) -> a + ", " + b).orElse("a parameter");
        return ApiProblems.response(ApiProblem.INVALID_PARAMETER, "Parameter " + names
                + " is out of range or malformed; see the API contract.");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return ApiProblems.response(ApiProblem.NOT_ACCEPTABLE, ApiFormats.NOT_ACCEPTABLE);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return ApiProblems.response(ApiProblem.METHOD_NOT_ALLOWED, "This endpoint does not take that method.");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
        return ApiProblems.response(ApiProblem.NOT_FOUND, ApiFallbackController.NOT_FOUND);
    }

    @ExceptionHandler({ApiTimeoutException.class, QueryTimeoutException.class})
    ResponseEntity<ProblemDetail> timeout(RuntimeException e) {
        return ApiProblems.response(ApiProblem.REQUEST_TIMEOUT, "The request took longer than the API allows; "
                + "ask for less at once.");
    }

    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ProblemDetail> database(DataAccessException e, HttpServletRequest request) {
        if (ApiDeadline.passed() || e.getMostSpecificCause() instanceof java.sql.SQLTimeoutException
                || "57014".equals(sqlState(e))) {
            return timeout(e);
        }
        if (e instanceof CannotGetJdbcConnectionException || e instanceof DataAccessResourceFailureException
                || e instanceof TransientDataAccessResourceException) {
            log.warn("API request {} {}: database unavailable: {}", request.getMethod(), request.getRequestURI(),
                    e.getMostSpecificCause().getMessage());
            return ApiProblems.status(ApiProblem.UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, "5")
                    .body(ApiProblems.of(ApiProblem.UNAVAILABLE, "The database is not reachable; try again shortly."));
        }
        return unexpected(e, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("API request {} {} failed", request.getMethod(), request.getRequestURI(), e);
        return ApiProblems.response(ApiProblem.INTERNAL_ERROR, "Something went wrong on our side; it has been logged.");
    }

    private static String sqlState(DataAccessException e) {
        return e.getMostSpecificCause() instanceof java.sql.SQLException sql ? sql.getSQLState() : null;
    }
}
