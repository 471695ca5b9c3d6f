package io.github.attractor.data.npy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parser for the small subset of Python literal syntax that a {@code .npy} header uses: a dict with
 * string keys whose values are strings, booleans, {@code None}, integers, tuples and lists (the latter for
 * structured dtypes, which are then rejected). Nothing is evaluated; anything else is a syntax error.
 */
final class PyLiteral {
    /** A Python tuple, kept apart from a list because numpy requires the shape to be a tuple. */
    record Tuple(List<Object> items) {
    }

    /** Thrown for malformed input; the message is a short phrase for the caller to prefix. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxError(String message) {
            super(message);
        }
    }

    private static final int MAX_DEPTH = 32;

    private final String s;
    private int pos;

    private PyLiteral(String s) {
        this.s = s;
    }

    /** Parses one literal that makes up the whole text (surrounding white space allowed). */
    static Object parse(String text) throws SyntaxError {
        PyLiteral p = new PyLiteral(text);
        Object v = p.value(0);
        p.skipSpace();
        if (p.pos != p.s.length()) {
            throw new SyntaxError("unexpected text after the header dictionary at offset " + p.pos);
        }
        return v;
    }

    private void skipSpace() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                pos++;
            } else {
                break;
            }
        }
    }

    private Object value(int depth) throws SyntaxError {
        if (depth > MAX_DEPTH) {
            throw new SyntaxError("header nested too deeply");
        }
        skipSpace();
        if (pos >= s.length()) {
            throw new SyntaxError("header ends unexpectedly");
        }
        char c = s.charAt(pos);
        switch (c) {
            case '{':
                return dict(depth);
            case '(':
                return sequence(depth, ')');
            case '[':
                return sequence(depth, ']');
            case '\'':
            case '"':
                return string();
            default:
                break;
        }
        if (c == '-' || c == '+' || (c >= '0' && c <= '9')) {
            return integer();
        }
        if (Character.isLetter(c) || c == '_') {
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                pos++;
            }
            String word = s.substring(start, pos);
            switch (word) {
                case "True":
                    return Boolean.TRUE;
                case "False":
                    return Boolean.FALSE;
                case "None":
                    return null;
                default:
                    if (pos < s.length() && (s.charAt(pos) == '\'' || s.charAt(pos) == '"')) {
                        throw new SyntaxError("unsupported string prefix '" + word + "' in header");
                    }
                    throw new SyntaxError("unexpected name '" + abbreviate(word) + "' in header");
            }
        }
        throw new SyntaxError("unexpected character '" + printable(c) + "' in header at offset " + pos);
    }

    private Map<String, Object> dict(int depth) throws SyntaxError {
        pos++; // '{'
        Map<String, Object> map = new LinkedHashMap<>();
        while (true) {
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == '}') {
                pos++;
                return map;
            }
            Object key = value(depth + 1);
            if (!(key instanceof String k)) {
                throw new SyntaxError("header dictionary key is not a string");
            }
            skipSpace();
            expect(':');
            Object v = value(depth + 1);
            if (map.containsKey(k)) {
                throw new SyntaxError("header repeats the key '" + abbreviate(k) + "'");
            }
            map.put(k, v);
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == ',') {
                pos++;
            } else {
                skipSpace();
                expect('}');
                return map;
            }
        }
    }

    private Object sequence(int depth, char close) throws SyntaxError {
        pos++; // '(' or '['
        List<Object> items = new ArrayList<>();
        boolean sawComma = false;
        while (true) {
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == close) {
                pos++;
                break;
            }
            items.add(value(depth + 1));
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == ',') {
                pos++;
                sawComma = true;
            } else {
                skipSpace();
                expect(close);
                break;
            }
        }
        if (close == ')') {
            if (items.size() == 1 && !sawComma) {
                return items.get(0); // parenthesised expression, not a tuple
            }
            return new Tuple(items);
        }
        return items;
    }

    private Object integer() throws SyntaxError {
        int start = pos;
        if (s.charAt(pos) == '-' || s.charAt(pos) == '+') {
            pos++;
        }
        int digits = pos;
        while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
            pos++;
        }
        if (pos == digits) {
            throw new SyntaxError("malformed number in header at offset " + start);
        }
        if (pos < s.length() && (s.charAt(pos) == '.' || s.charAt(pos) == 'e' || s.charAt(pos) == 'E'
                || s.charAt(pos) == 'x' || s.charAt(pos) == 'j' || s.charAt(pos) == 'L')) {
            throw new SyntaxError("unsupported number in header at offset " + start);
        }
        if (pos - digits > 40) {
            throw new SyntaxError("number too long in header at offset " + start);
        }
        return new BigInteger(s.substring(start, pos).replace("+", ""));
    }

    private String string() throws SyntaxError {
        char quote = s.charAt(pos++);
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= s.length()) {
                throw new SyntaxError("unterminated string in header");
            }
            char c = s.charAt(pos++);
            if (c == quote) {
                return sb.toString();
            }
            if (c == '\n') {
                throw new SyntaxError("unterminated string in header");
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= s.length()) {
                throw new SyntaxError("unterminated string in header");
            }
            char e = s.charAt(pos++);
            switch (e) {
                case '\\':
                case '\'':
                case '"':
                    sb.append(e);
                    break;
                case 'n':
                    sb.append('\n');
                    break;
                case 't':
                    sb.append('\t');
                    break;
                case 'r':
                    sb.append('\r');
                    break;
                case '0':
                    sb.append('\0');
                    break;
                case 'x':
                    sb.appendCodePoint(hex(2));
                    break;
                case 'u':
                    sb.appendCodePoint(hex(4));
                    break;
                case 'U':
                    int cp = hex(8);
                    if (!Character.isValidCodePoint(cp)) {
                        throw new SyntaxError("invalid escape in header string");
                    }
                    sb.appendCodePoint(cp);
                    break;
                default:
                    sb.append('\\').append(e);
                    break;
            }
        }
    }

    private int hex(int n) throws SyntaxError {
        if (pos + n > s.length()) {
            throw new SyntaxError("invalid escape in header string");
        }
        try {
            long v = Long.parseLong(s.substring(pos, pos + n), 16);
            pos += n;
            if (v > Integer.MAX_VALUE) {
                throw new SyntaxError("invalid escape in header string");
            }
            return (int) v;
        } catch (NumberFormatException ex) {
            throw new SyntaxError("invalid escape in header string");
        }
    }

    private void expect(char c) throws SyntaxError {
        if (pos >= s.length()) {
            throw new SyntaxError("header ends unexpectedly (expected '" + c + "')");
        }
        if (s.charAt(pos) != c) {
            throw new SyntaxError("expected '" + c + "' in header at offset " + pos + ", found '"
                    + printable(s.charAt(pos)) + "'");
        }
        pos++;
    }

    private static String printable(char c) {
        return c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c);
    }

    private static String abbreviate(String w) {
        return w.length() > 30 ? w.substring(0, 30) + "..." : w;
    }
}
