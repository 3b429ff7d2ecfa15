package org.layerlab.compute.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV or TSV file as text fields: RFC 4180 quoting (quoted fields may hold delimiters, doubled quotes and line
 * breaks), a UTF-8 byte-order mark and CRLF line ends accepted, the delimiter and the header row detected unless
 * given. Every row has as many fields as the header (or the first row); rows remember the line they start on, so
 * later checks can name it.
 */
public final class CsvTable {
    /** More fields than this in one row is a damaged or wrong file, not a table. */
    public static final int MAX_FIELDS = 100_000;
    public static final List<Character> DELIMITERS = List.of(',', '\t', ';', '|');

    private final String file;
    private final char delimiter;
    private final boolean header, bom, crlf;
    private final List<String> columns;
    private final List<String[]> rows;
    private final int[] lines;

    private CsvTable(String file, char delimiter, boolean header, boolean bom, boolean crlf, List<String> columns, List<String[]> rows, int[] lines) {
        this.file = file;
        this.delimiter = delimiter;
        this.header = header;
        this.bom = bom;
        this.crlf = crlf;
        this.columns = columns;
        this.rows = rows;
        this.lines = lines;
    }

    public String file() { return file; }
    public char delimiter() { return delimiter; }
    public boolean hasHeader() { return header; }
    public boolean hadBom() { return bom; }
    public boolean crlf() { return crlf; }
    /** Column names: the header's, or "column 1", "column 2", … without one. */
    public List<String> columns() { return columns; }
    public int rowCount() { return rows.size(); }
    public String[] row(int i) { return rows.get(i); }
    /** The line (1-based, in the file) row {@code i} starts on. */
    public int line(int i) { return lines[i]; }

    /** The delimiter's name as settings and messages use it. */
    public static String delimiterName(char c) {
        return switch (c) { case ',' -> "comma"; case '\t' -> "tab"; case ';' -> "semicolon"; case '|' -> "pipe"; default -> String.valueOf(c); };
    }

    /**
     * Reads {@code path} (named {@code file} in messages). {@code delimiter} 0 detects it; {@code header} null
     * detects whether the first row names the columns.
     */
    public static CsvTable read(Path path, String file, char delimiter, Boolean header, DataContext ctx) throws DataException {
        byte[] bytes;
        try {
            long size = Files.size(path);
            // Text takes about 6 bytes of memory per byte of file as fields, 4 as floats: refuse early what cannot fit.
            ctx.reserve(file, size * 2);
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new DataException(file, null, DataText.get("file.notFound"));
        } catch (IOException e) {
            throw new DataException(file, null, DataText.get("file.cannotRead", e.getMessage()));
        }
        return parse(bytes, file, delimiter, header);
    }

    /** Parses file contents (see {@link #read}). */
    public static CsvTable parse(byte[] bytes, String file, char delimiter, Boolean header) throws DataException {
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
        String text = decode(bytes, bom ? 3 : 0, file);
        if (text.isBlank()) throw new DataException(file, null, DataText.get("csv.empty"));
        boolean crlf = text.contains("\r\n");
        char d = delimiter != 0 ? delimiter : detectDelimiter(text, file);
        List<String[]> records = new ArrayList<>();
        IntList starts = new IntList();
        new Parser(text, d, file).all(records, starts);
        if (records.isEmpty()) throw new DataException(file, null, DataText.get("csv.empty"));
        boolean hasHeader = header != null ? header : detectHeader(records);
        String[] first = records.get(0);
        List<String> columns = new ArrayList<>();
        java.text.MessageFormat unnamed = DataText.format("csv.columnN");
        for (int j = 0; j < first.length; j++) {
            String name = hasHeader ? first[j].strip() : "";
            columns.add(name.isEmpty() ? unnamed.format(new Object[] {j + 1}) : name);
        }
        int from = hasHeader ? 1 : 0;
        List<String[]> rows = new ArrayList<>(records.size() - from);
        int[] lines = new int[records.size() - from];
        for (int i = from; i < records.size(); i++) {
            String[] r = records.get(i);
            if (r.length != first.length) {
                throw new DataException(file, DataText.get("csv.line", starts.get(i)), DataText.get(hasHeader ? "csv.fieldsHeader" : "csv.fieldsFirst", r.length, first.length));
            }
            lines[i - from] = starts.get(i);
            rows.add(r);
        }
        if (rows.isEmpty()) throw new DataException(file, null, DataText.get("csv.noRows"));
        return new CsvTable(file, d, hasHeader, bom, crlf, List.copyOf(columns), rows, lines);
    }

    private static String decode(byte[] bytes, int offset, String file) throws DataException {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate(bytes.length - offset + 1);
        CoderResult r = dec.decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = offset; i < at; i++) if (bytes[i] == '\n') line++;
            throw new DataException(file, DataText.get("csv.line", line), DataText.get("csv.notUtf8", at + 1));
        }
        dec.flush(out);
        return out.flip().toString();
    }

    /** The candidate that splits the first lines into the most fields, the same number on every line. */
    static char detectDelimiter(String text, String file) {
        String sample = text.length() > 65536 ? text.substring(0, 65536) : text;
        char best = ',';
        int bestFields = 1;
        boolean bestConsistent = false;
        for (char c : DELIMITERS) {
            List<String[]> recs = new ArrayList<>();
            try {
                new Parser(sample, c, file).upTo(recs, 20);
            } catch (DataException e) {
                continue;
            }
            if (recs.isEmpty()) continue;
            int n = recs.get(0).length;
            // the sample may cut the last record short, so it does not count
            boolean consistent = recs.subList(0, Math.max(1, recs.size() - 1)).stream().allMatch(r -> r.length == n);
            if (n > 1 && (consistent && !bestConsistent || consistent == bestConsistent && n > bestFields)) {
                best = c;
                bestFields = n;
                bestConsistent = consistent;
            }
        }
        return best;
    }

    /** A header when some column is a number in the second row but not in the first, or all first-row fields are text and distinct. */
    static boolean detectHeader(List<String[]> records) {
        String[] first = records.get(0);
        if (records.size() < 2) return false;
        String[] second = records.get(1);
        boolean anyNumberFirst = false;
        for (int j = 0; j < first.length && j < second.length; j++) {
            boolean n1 = isNumber(first[j]), n2 = isNumber(second[j]);
            if (!n1 && n2 && !isMissing(first[j])) return true;
            anyNumberFirst |= n1;
        }
        if (anyNumberFirst) return false;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String f : first) if (f.isBlank() || !seen.add(f.strip())) return false;
        // all text: a header unless the rows below look just like it (a table of words)
        return records.size() > 1 && !java.util.Arrays.equals(first, second);
    }

    /** A finite decimal number as Java reads it ("1", "-2.5", "3e-4"); no hex, no "Infinity", no "NaN". */
    static boolean isNumber(String s) {
        String t = s.strip();
        if (t.isEmpty() || t.length() > 64) return false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) return false;
        }
        try {
            return Double.isFinite(Double.parseDouble(t));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The spellings of a missing value: empty, NA, N/A, NaN, null (any case). */
    public static boolean isMissing(String s) {
        String t = s.strip();
        return t.isEmpty() || t.equalsIgnoreCase("NA") || t.equalsIgnoreCase("N/A") || t.equalsIgnoreCase("NaN") || t.equalsIgnoreCase("null");
    }

    /** The RFC 4180 state machine over the whole text. */
    private static final class Parser {
        private final String s;
        private final char d;
        private final String file;
        private int pos, line = 1;

        Parser(String s, char d, String file) {
            this.s = s;
            this.d = d;
            this.file = file;
        }

        void all(List<String[]> out, IntList starts) throws DataException {
            while (pos < s.length()) {
                int start = line;
                String[] r = record();
                if (r == null) continue; // a blank line
                out.add(r);
                starts.add(start);
            }
        }

        void upTo(List<String[]> out, int n) throws DataException {
            while (pos < s.length() && out.size() < n) {
                String[] r = record();
                if (r != null) out.add(r);
            }
        }

        /** One record, or null for an empty line. */
        private String[] record() throws DataException {
            int recordLine = line;
            if (s.charAt(pos) == '\n' || s.charAt(pos) == '\r' && pos + 1 < s.length() && s.charAt(pos + 1) == '\n') {
                pos += s.charAt(pos) == '\r' ? 2 : 1;
                line++;
                return null;
            }
            List<String> fields = new ArrayList<>();
            StringBuilder f = new StringBuilder();
            while (true) {
                if (fields.size() >= MAX_FIELDS) throw new DataException(file, DataText.get("csv.line", recordLine), DataText.get("csv.tooManyFields", MAX_FIELDS));
                f.setLength(0);
                if (pos < s.length() && s.charAt(pos) == '"') {
                    int quoteLine = line;
                    pos++;
                    while (true) {
                        if (pos >= s.length()) throw new DataException(file, DataText.get("csv.line", quoteLine), DataText.get("csv.openQuote"));
                        char c = s.charAt(pos++);
                        if (c == '"') {
                            if (pos < s.length() && s.charAt(pos) == '"') { f.append('"'); pos++; } else break;
                        } else {
                            if (c == '\n') line++;
                            f.append(c);
                        }
                    }
                    if (pos < s.length() && s.charAt(pos) != d && s.charAt(pos) != '\n' && s.charAt(pos) != '\r') {
                        throw new DataException(file, DataText.get("csv.lineField", line, fields.size() + 1), DataText.get("csv.afterQuote"));
                    }
                } else {
                    while (pos < s.length()) {
                        char c = s.charAt(pos);
                        if (c == d || c == '\n' || c == '\r' && pos + 1 < s.length() && s.charAt(pos + 1) == '\n') break;
                        if (c == '"') throw new DataException(file, DataText.get("csv.lineField", line, fields.size() + 1), DataText.get("csv.strayQuote"));
                        f.append(c);
                        pos++;
                    }
                }
                fields.add(f.toString());
                if (pos >= s.length()) break;
                char c = s.charAt(pos);
                if (c == d) { pos++; if (pos >= s.length()) { fields.add(""); break; } continue; }
                if (c == '\r') pos++;
                if (pos < s.length() && s.charAt(pos) == '\n') { pos++; line++; }
                break;
            }
            return fields.toArray(new String[0]);
        }
    }

    static final class IntList {
        private int[] a = new int[64];
        private int size;
        void add(int v) { if (size == a.length) a = java.util.Arrays.copyOf(a, size * 2); a[size++] = v; }
        int get(int i) { return a[i]; }
        int size() { return size; }
    }
}
