package com.crashanalytics.persistence.common;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way persistence writes SQL whose text varies: a text block (or a one-line literal) with named placeholders
 * such as {@code {where}}, each filled once here with SQL the code itself writes (a column list, the conditions of a
 * {@link SqlConditions}, a fixed expression). Never {@code formatted}, {@code replace} or {@code +} on SQL (only the
 * builders, {@link SqlConditions} and {@link KeysetSql}, put SQL together from column names in code), so a statement
 * reads top to bottom as PostgreSQL gets it, and a value from a request is never spliced in: values are bound as
 * {@code :named} parameters.
 *
 * <p>A placeholder is {@code {name}} with a Java-style name; SQL's own braces ({@code '{}'}, array literals) are left
 * alone. Filling refuses a name the template does not have, a name filled twice, and a placeholder left unfilled,
 * so a renamed placeholder fails on first use rather than reaching PostgreSQL.
 */
public final class SqlTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*)}");

    private final String template;
    private final Set<String> placeholders = new LinkedHashSet<>();
    private final Map<String, String> fragments = new LinkedHashMap<>();

    private SqlTemplate(String template) {
        this.template = template;
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            placeholders.add(matcher.group(1));
        }
    }

    /** A statement with named placeholders to fill. */
    public static SqlTemplate sql(String template) {
        return new SqlTemplate(template);
    }

    /** Fills every {@code {name}} of the template with the fragment of SQL. */
    public SqlTemplate with(String name, String fragment) {
        if (!placeholders.contains(name)) {
            throw new IllegalArgumentException("the SQL template has no placeholder {" + name + "}; it has "
                    + placeholders);
        }
        if (fragments.putIfAbsent(name, fragment) != null) {
            throw new IllegalArgumentException("the placeholder {" + name + "} is filled twice");
        }
        return this;
    }

    /** The statement, every placeholder filled (in one pass: a fragment's own text is not read for placeholders). */
    public String text() {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder text = new StringBuilder(template.length());
        while (matcher.find()) {
            String fragment = fragments.get(matcher.group(1));
            if (fragment == null) {
                throw new IllegalStateException("the placeholder {" + matcher.group(1) + "} of the SQL template is"
                        + " not filled");
            }
            matcher.appendReplacement(text, Matcher.quoteReplacement(fragment));
        }
        matcher.appendTail(text);
        return text.toString();
    }

    @Override
    public String toString() {
        return template;
    }
}
