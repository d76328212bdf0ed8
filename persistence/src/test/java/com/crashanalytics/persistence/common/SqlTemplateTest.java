package com.crashanalytics.persistence.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Filling a statement's named placeholders, and refusing what would reach PostgreSQL half-filled. */
class SqlTemplateTest {

    @Test
    void fillsEveryPlaceholderWithItsFragment() {
        String sql = SqlTemplate.sql("""
                SELECT {columns} FROM session_logs s
                WHERE {where} ORDER BY s.start_time""")
                .with("columns", "s.id, s.bot_id").with("where", "s.bot_id = :botId")
                .text();

        assertThat(sql).isEqualTo("SELECT s.id, s.bot_id FROM session_logs s\nWHERE s.bot_id = :botId ORDER BY s.start_time");
    }

    @Test
    void aPlaceholderNamedTwiceIsFilledAtEachPlace() {
        String sql = SqlTemplate.sql("SELECT {parent}, count(*) FROM t GROUP BY {parent}").with("parent", "t.bot_id")
                .text();

        assertThat(sql).isEqualTo("SELECT t.bot_id, count(*) FROM t GROUP BY t.bot_id");
    }

    @Test
    void sqlBracesAndFragmentsThatLookLikePlaceholdersAreLeftAsTheyAre() {
        String sql = SqlTemplate.sql("SELECT to_json(x.a) #>> '{}', {cell} FROM x").with("cell", "'{where}'").text();

        assertThat(sql).isEqualTo("SELECT to_json(x.a) #>> '{}', '{where}' FROM x");
    }

    @Test
    void aFragmentWithDollarsAndBackslashesIsCopiedLiterally() {
        String sql = SqlTemplate.sql("SELECT {value}").with("value", "'$1 \\\\ $2'").text();

        assertThat(sql).isEqualTo("SELECT '$1 \\\\ $2'");
    }

    @Test
    void refusesAPlaceholderLeftUnfilled() {
        SqlTemplate template = SqlTemplate.sql("SELECT * FROM {table} WHERE {where}").with("table", "t");

        assertThatThrownBy(template::text).isInstanceOf(IllegalStateException.class).hasMessageContaining("{where}");
    }

    @Test
    void refusesANameTheTemplateDoesNotHave() {
        SqlTemplate template = SqlTemplate.sql("SELECT * FROM t WHERE {where}");

        assertThatThrownBy(() -> template.with("filter", "TRUE"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{filter}");
    }

    @Test
    void refusesAPlaceholderFilledTwice() {
        SqlTemplate template = SqlTemplate.sql("SELECT * FROM t WHERE {where}").with("where", "TRUE");

        assertThatThrownBy(() -> template.with("where", "FALSE"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }
}
