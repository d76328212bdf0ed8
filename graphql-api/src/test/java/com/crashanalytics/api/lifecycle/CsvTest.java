package com.crashanalytics.api.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 4180 records: quoted only where needed, quotes doubled, absent and empty told apart. */
class CsvTest {

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedAndTheirQuotesDoubled() {
        assertThat(Csv.line(new String[] {"plain", "1,50x", "say \"hi\"", "two\nlines", "cr\rhere"}))
                .isEqualTo("plain,\"1,50x\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\"\r\n");
    }

    @Test
    void anAbsentValueIsAnEmptyFieldAndAnEmptyTextIsQuoted() {
        assertThat(Csv.line(new String[] {null, "", "x", null})).isEqualTo(",\"\",x,\r\n");
    }
}
