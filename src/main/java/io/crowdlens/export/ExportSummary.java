package io.crowdlens.export;

/**
 * What an export wrote, for the audit record and the UI.
 *
 * @param fileName the file name chosen
 * @param rows data rows written (not counting metadata and header)
 * @param figuresShown figure cells with a value (each at least k)
 * @param figuresSuppressed figure cells left empty and flagged suppressed
 */
public record ExportSummary(String fileName, long rows, long figuresShown, long figuresSuppressed) {
}
