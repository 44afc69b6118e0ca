package io.crowdlens.pipeline.drop;

import java.util.regex.Pattern;

/**
 * Cell keys as events and cells.csv write them. A key of four whole numbers joined by '-' (OpenCellID's
 * mcc-net-area-cell, in either cells.csv layout) is compared part by part as numbers: leading zeros do
 * not count, so {@code 262-02-0308-361} is {@code 262-2-308-361}. Any other key is compared as text.
 * (docs/drop-format.md, "cells.csv")
 */
public final class CellKeys {

    /** Four whole numbers joined by '-'. */
    public static final String NUMERIC = "^[0-9]+-[0-9]+-[0-9]+-[0-9]+$";
    /** The leading zeros of each part of a numeric key (a part of zeros only keeps one). */
    public static final String LEADING_ZEROS = "(^|-)0+([0-9])";

    private static final Pattern NUMERIC_KEY = Pattern.compile(NUMERIC);
    private static final Pattern ZEROS = Pattern.compile(LEADING_ZEROS);

    private CellKeys() {
    }

    /** The key events and cells are matched by: numeric keys without leading zeros, others as given. */
    public static String canonical(String key) {
        if (key == null || !NUMERIC_KEY.matcher(key).matches()) {
            return key;
        }
        return ZEROS.matcher(key).replaceAll("$1$2");
    }
}
