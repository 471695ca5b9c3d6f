package io.github.attractor.data.io;

/** Helpers for the one-line error messages of the readers. */
public final class Messages {
    private Messages() {
    }

    /**
     * {@code s} with control and line-separator characters escaped as {@code \\uXXXX}, so that a file name,
     * key or token taken from a file cannot break a message across lines.
     */
    public static String printable(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }
}
