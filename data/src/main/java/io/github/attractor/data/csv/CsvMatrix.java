package io.github.attractor.data.csv;

import static io.github.attractor.data.io.Messages.printable;

import io.github.attractor.core.error.AttractorException;
import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.NonFiniteValueException;
import io.github.attractor.core.error.ShapeMismatchException;
import io.github.attractor.data.io.AtomicFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.ejml.data.DMatrixRMaj;

/**
 * Reads and writes a matrix as delimited text, one row per line.
 *
 * <p><b>Reading</b> (UTF-8) takes the separator from the first non-comment line: semicolon if it has one,
 * else comma if it has one, else runs of white space; so files from {@code numpy.savetxt}, pandas, R or a
 * spreadsheet load as they are. Blank lines and lines starting with {@code #} are skipped; so is a single
 * header row, recognised by having no numeric field at all. Fields may be wrapped in double quotes.
 * Numbers are plain decimals ({@code -1.5}, {@code 2e-3}, {@code .5}); every row must have as many fields
 * as the first, and every value must be finite. Errors name the file, the line and the column:
 * {@code "x.csv: line 4 has 2 values, expected 3"}, {@code "x.csv: line 2, column 3: \"abc\" is not a
 * number"}.
 *
 * <p><b>Writing</b> uses commas, {@code \n} line ends and {@link Double#toString(double)}, which reads back
 * bit-identical; it is atomic ({@link AtomicFiles}). Only finite, non-empty matrices can be written.
 */
public final class CsvMatrix {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");
    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(?:nan|inf|infinity)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private CsvMatrix() {
    }

    /** Reads a matrix from a delimited text file. */
    public static DMatrixRMaj read(Path path) {
        Objects.requireNonNull(path, "path");
        String name = path.toString();
        if (!Files.exists(path)) {
            throw new InvalidInputException(name + ": no such file");
        }
        if (Files.isDirectory(path)) {
            throw new InvalidInputException(name + ": is a directory, not a file");
        }
        try (Reader r = new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8.newDecoder())) {
            return read(name, r);
        } catch (AttractorException e) {
            throw e;
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(name + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new InvalidInputException(name + ": cannot read (permission denied)", e);
        } catch (IOException e) {
            throw new InvalidInputException(name + ": cannot read (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")", e);
        }
    }

    /**
     * Reads a matrix from delimited text. The reader is not closed.
     *
     * @param name names the source in error messages
     */
    public static DMatrixRMaj read(String name, Reader reader) {
        Objects.requireNonNull(reader, "reader");
        try {
            return parse(name, reader instanceof BufferedReader b ? b : new BufferedReader(reader));
        } catch (AttractorException e) {
            throw e;
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(name + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new InvalidInputException(name + ": cannot read (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")", e);
        }
    }

    private static DMatrixRMaj parse(String name, BufferedReader in) throws IOException {
        List<double[]> rows = new ArrayList<>();
        int cols = -1;
        int firstDataLine = 0;
        char sep = 0; // 0 until known; ' ' means white space
        boolean headerPossible = true;
        int lineNo = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNo++;
            if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            String t = line.strip();
            if (t.isEmpty() || t.charAt(0) == '#') {
                continue;
            }
            if (sep == 0) {
                sep = t.indexOf(';') >= 0 ? ';' : t.indexOf(',') >= 0 ? ',' : ' ';
            }
            String[] fields = split(t, sep);
            if (headerPossible) {
                headerPossible = false;
                if (isHeader(fields)) {
                    continue;
                }
            }
            if (cols < 0) {
                cols = fields.length;
                firstDataLine = lineNo;
            } else if (fields.length != cols) {
                throw new ShapeMismatchException(name + ": line " + lineNo + " has " + fields.length + " value"
                        + (fields.length == 1 ? "" : "s") + ", expected " + cols + " (as on line " + firstDataLine
                        + ")");
            }
            double[] row = new double[cols];
            for (int j = 0; j < cols; j++) {
                row[j] = parseField(name, fields[j], lineNo, j, rows.size());
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new InvalidInputException(name + ": no numeric rows");
        }
        DMatrixRMaj m = new DMatrixRMaj(rows.size(), cols);
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, m.data, i * cols, cols);
        }
        return m;
    }

    private static String[] split(String t, char sep) {
        String[] f = sep == ' ' ? WHITESPACE.split(t) : t.split(Pattern.quote(String.valueOf(sep)), -1);
        for (int i = 0; i < f.length; i++) {
            String s = f[i].strip();
            if (s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"') {
                s = s.substring(1, s.length() - 1).strip();
            }
            f[i] = s;
        }
        return f;
    }

    private static boolean isHeader(String[] fields) {
        for (String f : fields) {
            if (f.isEmpty() || DECIMAL.matcher(f).matches() || NON_FINITE.matcher(f).matches()) {
                return false;
            }
        }
        return true;
    }

    private static double parseField(String name, String f, int lineNo, int col, int row) {
        String where = "line " + lineNo + ", column " + (col + 1);
        if (f.isEmpty()) {
            throw new InvalidInputException(name + ": " + where + ": empty value");
        }
        if (DECIMAL.matcher(f).matches()) {
            double v = Double.parseDouble(f);
            if (!Double.isFinite(v)) {
                throw new NonFiniteValueException(name + ": " + where + ": " + printable(f) + " overflows to " + v);
            }
            return v;
        }
        if (NON_FINITE.matcher(f).matches()) {
            String lower = f.toLowerCase(Locale.ROOT);
            String what = lower.contains("nan") ? "NaN" : lower.startsWith("-") ? "-Infinity" : "Infinity";
            throw new NonFiniteValueException(name + ": " + where + ": entry (" + row + "," + col + ") is " + what);
        }
        String shown = f.length() > 40 ? f.substring(0, 40) + "..." : f;
        throw new InvalidInputException(name + ": " + where + ": \"" + printable(shown) + "\" is not a number");
    }

    /**
     * Writes {@code m} as comma-separated text, one row per line, atomically.
     *
     * @throws InvalidInputException if {@code m} is empty or holds a non-finite value
     */
    public static void write(Path path, DMatrixRMaj m) {
        Objects.requireNonNull(m, "m");
        String name = String.valueOf(path);
        String text = format(name, m);
        AtomicFiles.writeString(path, text);
    }

    /** The text {@link #write} would write. */
    public static String toCsv(DMatrixRMaj m) {
        return format("matrix", m);
    }

    private static String format(String name, DMatrixRMaj m) {
        int r = m.numRows;
        int c = m.numCols;
        if (r == 0 || c == 0) {
            throw new InvalidInputException(name + ": cannot write an empty " + r + "x" + c + " matrix as CSV");
        }
        StringBuilder sb = new StringBuilder(r * c * 12);
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                double v = m.data[i * c + j];
                if (!Double.isFinite(v)) {
                    throw new NonFiniteValueException(name + ": entry (" + i + "," + j + ") is " + v
                            + "; CSV files hold finite values only");
                }
                if (j > 0) {
                    sb.append(',');
                }
                sb.append(v);
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
