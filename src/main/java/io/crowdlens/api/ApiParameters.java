package io.crowdlens.api;

import java.util.regex.Pattern;

/** Checks of request parameters that Spring's conversion does not make; refusals name the parameter, never echo it. */
final class ApiParameters {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,40}");

    private ApiParameters() {
    }

    /** A layer code as the operator loads them: letters, digits, {@code _ . -}, at most 40 characters. */
    static String layerCode(String value) {
        if (value == null || !CODE.matcher(value).matches()) {
            throw new ApiProblemException(ApiProblem.INVALID_PARAMETER,
                    "Parameter 'layer' must be a layer code (letters, digits, _ . -; at most 40 characters).");
        }
        return value;
    }
}
