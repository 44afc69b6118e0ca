package io.crowdlens.audit;

/**
 * Writes one CSV cell (RFC 4180 quoting) and neutralises spreadsheet formula injection: a cell
 * that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return) gets
 * a leading apostrophe, as OWASP recommends. Audit records hold user-typed text (user names, the
 * detail of refused requests), so every exported cell goes through here.
 */
final class CsvCells {

    private CsvCells() {
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!(value instanceof Number) && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    static String row(Object... values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(cell(values[i]));
        }
        return sb.append("\r\n").toString();
    }
}
