package io.crowdlens.api;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks of request parameters that Spring's conversion does not make; refusals name the parameter, never echo it. */
final class ApiParameters {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,40}");
    private static final Pattern ID = Pattern.compile("[0-9]{1,18}");
    private static final Pattern DAY = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

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

    /** A day as ISO-8601 (2026-10-19). */
    static LocalDate day(String name, String value) {
        if (value == null || !DAY.matcher(value.strip()).matches()) {
            throw invalid(name, "a day as YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeException e) {
            throw invalid(name, "a day as YYYY-MM-DD");
        }
    }

    /** An hour of day, 0 to 23. */
    static int hour(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        if (!value.strip().matches("[0-9]{1,2}") || Integer.parseInt(value.strip()) > 23) {
            throw invalid(name, "an hour of day from 0 to 23");
        }
        return Integer.parseInt(value.strip());
    }

    /** A decimal id, or null when absent (for optional ids such as {@code release}). */
    static Long optionalId(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!ID.matcher(value.strip()).matches()) {
            throw invalid(name, "a decimal id");
        }
        return Long.parseLong(value.strip());
    }

    /** Ids given as a repeated parameter or comma-separated; at least {@code min}. */
    static List<Long> ids(String name, List<String> values, int min) {
        List<Long> ids = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                for (String part : value.split(",", -1)) {
                    if (!ID.matcher(part.strip()).matches()) {
                        throw invalid(name, "a list of decimal ids");
                    }
                    long id = Long.parseLong(part.strip());
                    if (!ids.contains(id)) {
                        ids.add(id);
                    }
                }
                if (ids.size() > 1000) {
                    throw invalid(name, "a shorter list of ids");
                }
            }
        }
        if (ids.size() < min) {
            throw new ApiProblemException(ApiProblem.INVALID_PARAMETER, "Parameter '" + name + "' must name at least "
                    + min + (min == 1 ? " id." : " different ids."));
        }
        return ids;
    }

    /** One of an enum's constants, written in lower case with dashes (every-day) or as the constant. */
    static <E extends Enum<E>> E choice(String name, String value, Class<E> type, E fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String normal = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(normal)) {
                return constant;
            }
        }
        List<String> names = java.util.Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList();
        throw invalid(name, "one of " + String.join(", ", names));
    }

    static ApiProblemException invalid(String name, String expected) {
        return new ApiProblemException(ApiProblem.INVALID_PARAMETER, "Parameter '" + name + "' must be " + expected
                + ".");
    }
}
