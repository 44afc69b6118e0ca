package io.crowdlens.api;

/** Ends an API request with a problem of the given type; the detail is one line for the client, without echoing input. */
public class ApiProblemException extends RuntimeException {

    private final ApiProblem problem;

    public ApiProblemException(ApiProblem problem, String detail) {
        super(detail);
        this.problem = problem;
    }

    public ApiProblem problem() {
        return problem;
    }
}
