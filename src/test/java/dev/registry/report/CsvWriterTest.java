package dev.registry.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void quotesWhatRfc4180NeedsAndEndsRecordsWithCrlf() {
        StringWriter s = new StringWriter();
        new CsvWriter(new PrintWriter(s)).row(List.of("plain", "a,b", "say \"hi\"", "two\nlines", "")).row(List.of("x")).flush();
        assertEquals("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\nx\r\n", s.toString());
    }

    @Test
    void cellsASpreadsheetWouldRunAsFormulasAreNeutralised() {
        assertEquals("'=SUM(A1:A9)", CsvWriter.cell("=SUM(A1:A9)"));
        assertEquals("'+cmd", CsvWriter.cell("+cmd"));
        assertEquals("'-2+3", CsvWriter.cell("-2+3"));
        assertEquals("'@SUM(1)", CsvWriter.cell("@SUM(1)"));
        assertEquals("'\tx", CsvWriter.cell("\tx"));
        assertEquals("\"'\rx\"", CsvWriter.cell("\rx"));
        assertEquals("'\uff1dSUM(1)", CsvWriter.cell("\uff1dSUM(1)"));
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\")\"", CsvWriter.cell("=HYPERLINK(\"http://x\")"));
        // real numbers stay numbers
        assertEquals("-1.5", CsvWriter.cell("-1.5"));
        assertEquals("+3", CsvWriter.cell("+3"));
        assertEquals("-2e10", CsvWriter.cell("-2e10"));
        assertEquals("a=b", CsvWriter.cell("a=b"));
    }

    @Test
    void aListCellEscapesItsSeparatorSoTheItemsComeBack() {
        List<String> items = List.of("Explaining how to file a claim (links to the form; takes none)", "plain", "back\\slash", "end;");
        String cell = CsvWriter.items(items);
        assertEquals("Explaining how to file a claim (links to the form\\; takes none);plain;back\\\\slash;end\\;", cell);
        assertEquals(items, dev.registry.source.CsvReader.items(cell));
        assertEquals("a;b", CsvWriter.items(List.of("a", "b")));
        assertEquals(List.of("a", "b"), dev.registry.source.CsvReader.items(" a ; ;b;"));
        // A backslash before anything else is just a backslash, as in a Windows path.
        assertEquals(List.of("C:\\models\\x"), dev.registry.source.CsvReader.items("C:\\models\\x"));
    }
}
