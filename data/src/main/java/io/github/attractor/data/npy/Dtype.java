package io.github.attractor.data.npy;

import io.github.attractor.data.io.Messages;
import io.github.attractor.core.error.InvalidInputException;
import java.nio.ByteOrder;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed numpy dtype descriptor ({@code '<f8'}, {@code '|u1'}, {@code '<U5'}, …) of a kind this module
 * reads: floating point (2, 4, 8 bytes), signed and unsigned integers (1, 2, 4, 8 bytes), booleans, and
 * text ({@code U}: UTF-32 code points, {@code S}: bytes), the latter only for text scalars in archives.
 */
record Dtype(String descr, Kind kind, int itemBytes, ByteOrder order) {

    enum Kind {
        FLOAT, INT, UINT, BOOL, UNICODE, BYTES;

        boolean isText() {
            return this == UNICODE || this == BYTES;
        }
    }

    private static final Pattern SIMPLE = Pattern.compile("([<>|=]?)([a-zA-Z])(\\d{1,9})");

    /**
     * Parses the header's {@code descr} value.
     *
     * @param name prefix for the error message
     * @param descr a String for simple dtypes, a list for structured ones
     * @throws InvalidInputException "unsupported dtype '…'" for anything this module cannot read
     */
    static Dtype parse(String name, Object descr) {
        if (descr instanceof List<?> || descr instanceof PyLiteral.Tuple) {
            throw new InvalidInputException(name + ": unsupported dtype " + shortRepr(descr)
                    + " (structured arrays are not supported; save a plain numeric array)");
        }
        if (!(descr instanceof String d)) {
            throw new InvalidInputException(name + ": bad header ('descr' is not a dtype string)");
        }
        Matcher m = SIMPLE.matcher(d);
        if (!m.matches()) {
            throw unsupported(name, d);
        }
        String orderChar = m.group(1);
        char code = m.group(2).charAt(0);
        int size = Integer.parseInt(m.group(3));
        Kind kind;
        int itemBytes = size;
        switch (code) {
            case 'f':
                kind = Kind.FLOAT;
                if (size != 2 && size != 4 && size != 8) {
                    throw unsupported(name, d);
                }
                break;
            case 'i':
                kind = Kind.INT;
                if (size != 1 && size != 2 && size != 4 && size != 8) {
                    throw unsupported(name, d);
                }
                break;
            case 'u':
                kind = Kind.UINT;
                if (size != 1 && size != 2 && size != 4 && size != 8) {
                    throw unsupported(name, d);
                }
                break;
            case 'b':
                kind = Kind.BOOL;
                if (size != 1) {
                    throw unsupported(name, d);
                }
                break;
            case 'U':
                kind = Kind.UNICODE;
                if ((long) size * 4 > Integer.MAX_VALUE) {
                    throw unsupported(name, d);
                }
                itemBytes = size * 4;
                break;
            case 'S':
                kind = Kind.BYTES;
                break;
            default:
                throw unsupported(name, d);
        }
        ByteOrder order;
        switch (orderChar) {
            case "<":
                order = ByteOrder.LITTLE_ENDIAN;
                break;
            case ">":
                order = ByteOrder.BIG_ENDIAN;
                break;
            case "|":
                if (kind != Kind.BYTES && itemBytes > 1) {
                    throw new InvalidInputException(name + ": invalid dtype '" + d
                            + "' (a multi-byte type needs a byte order, '<' or '>')");
                }
                order = ByteOrder.LITTLE_ENDIAN;
                break;
            default: // "=" or none: native order of the machine that wrote the file, taken as ours
                order = ByteOrder.nativeOrder();
                break;
        }
        return new Dtype(d, kind, itemBytes, order);
    }

    static InvalidInputException unsupported(String name, String d) {
        String hint;
        String code = d.replaceAll("^[<>|=]", "");
        char c = code.isEmpty() ? ' ' : code.charAt(0);
        switch (c) {
            case 'c':
                hint = "complex numbers are not supported";
                break;
            case 'O':
                hint = "object arrays are not supported; save a numeric array";
                break;
            case 'U':
            case 'S':
            case 'a':
                hint = "text arrays are not numeric";
                break;
            case 'M':
            case 'm':
                hint = "dates and times are not supported";
                break;
            case 'V':
                hint = "structured arrays are not supported";
                break;
            default:
                hint = "supported: float16/32/64, int8-64, uint8-64, bool";
                break;
        }
        return new InvalidInputException(name + ": unsupported dtype '" + abbreviate(d) + "' (" + hint + ")");
    }

    private static String shortRepr(Object o) {
        return abbreviate(String.valueOf(o instanceof PyLiteral.Tuple t ? t.items() : o));
    }

    private static String abbreviate(String s) {
        return Messages.printable(s.length() > 60 ? s.substring(0, 60) + "..." : s);
    }
}
