package com.crashanalytics.api.lifecycle;

import org.jspecify.annotations.Nullable;

/**
 * One CSV record (RFC 4180): fields separated by commas, ended by CRLF; a field holding a comma, a quote, CR or LF
 * is quoted, its quotes doubled; an absent value is an empty field, an empty text a quoted one ({@code ""}).
 */
final class Csv {

    private Csv() {
    }

    static String line(@Nullable String[] fields) {
        StringBuilder line = new StringBuilder(256);
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            String field = fields[i];
            if (field == null) {
                continue;
            }
            if (field.isEmpty() || field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                    || field.indexOf('\r') >= 0) {
                line.append('"').append(field.replace("\"", "\"\"")).append('"');
            } else {
                line.append(field);
            }
        }
        return line.append("\r\n").toString();
    }
}
