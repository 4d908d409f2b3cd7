package dev.trafficlens.graphql.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV exports' cells: names that a spreadsheet would run as formulas are shown as text, and RFC 4180 quoting. */
class CsvExportsTest {

    @Test
    void a_name_a_spreadsheet_would_run_as_a_formula_gets_a_leading_apostrophe() {
        for (String formula : List.of("=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tTab", "\rReturn")) {
            assertThat(CsvExports.text(formula)).as(formula).isEqualTo("'" + formula);
        }
        for (String name : List.of("Frankfurt uplink", "", "1 Gbit/s", "a=b", "'quoted'")) {
            assertThat(CsvExports.text(name)).as(name).isEqualTo(name);
        }
    }

    @Test
    void a_neutralised_name_with_a_comma_is_still_quoted_as_one_field() throws Exception {
        StringWriter out = new StringWriter();

        CsvExports.row(out, List.of("total", CsvExports.text("=1,2"), "3"));

        assertThat(out).hasToString("total,\"'=1,2\",3\r\n");
    }
}
