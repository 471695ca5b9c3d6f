package io.github.attractor.data.npy;

import io.github.attractor.data.io.Messages;
import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.data.array.NdArray;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The {@code .npy} format itself: header parsing and writing, data decoding and encoding. All failures on
 * malformed input are {@link InvalidInputException}s whose message starts with the given name; stream
 * errors surface as {@link IOException} for the caller to wrap.
 */
final class NpyCodec {
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** numpy aligns the data to this many bytes. */
    static final int ARRAY_ALIGN = 64;
    /** numpy leaves this many characters of room for the growing axis of the shape. */
    static final int GROWTH_AXIS_MAX_DIGITS = 21;
    /** Headers longer than this are refused (numpy's own default limit is 10,000). */
    static final int MAX_HEADER_BYTES = 1 << 20;
    /** Largest number of elements a Java array can hold. */
    static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;
    /** Longest text scalar read from an archive, in bytes. */
    static final long MAX_TEXT_BYTES = 1 << 20;
    private static final long TWO_53 = 1L << 53;
    private static final int CHUNK_ELEMENTS = 8192;

    private NpyCodec() {
    }

    /** A parsed header. {@code size} is the number of elements, {@code dataBytes} their total byte count. */
    record Header(int major, int minor, Dtype dtype, boolean fortranOrder, int[] shape, long size, long dataBytes,
            long headerBytes) {
    }

    // ---------------------------------------------------------------------------------------- reading

    /**
     * Reads and checks the magic, version and header dictionary, leaving the stream at the first data byte.
     */
    static Header readHeader(String name, InputStream in) throws IOException {
        byte[] pre = in.readNBytes(8);
        if (pre.length == 0) {
            throw new InvalidInputException(name + ": empty file");
        }
        for (int i = 0; i < Math.min(pre.length, MAGIC.length); i++) {
            if (pre[i] != MAGIC[i]) {
                throw new InvalidInputException(name + ": not a .npy file (bad magic)");
            }
        }
        if (pre.length < 8) {
            throw truncated(name, "in the header");
        }
        int major = pre[6] & 0xff;
        int minor = pre[7] & 0xff;
        if (!((major == 1 || major == 2 || major == 3) && minor == 0)) {
            throw new InvalidInputException(name + ": unsupported .npy format version " + major + "." + minor
                    + " (supported: 1.0, 2.0, 3.0)");
        }
        int lenBytes = major == 1 ? 2 : 4;
        byte[] lb = in.readNBytes(lenBytes);
        if (lb.length < lenBytes) {
            throw truncated(name, "in the header");
        }
        long hlen = lenBytes == 2 ? ByteBuffer.wrap(lb).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xffffL
                : ByteBuffer.wrap(lb).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
        if (hlen > MAX_HEADER_BYTES) {
            throw new InvalidInputException(name + ": header too long (" + hlen + " bytes)");
        }
        byte[] hb = in.readNBytes((int) hlen);
        if (hb.length < hlen) {
            throw truncated(name, "in the header");
        }
        String text;
        if (major == 3) {
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(hb)).toString();
            } catch (CharacterCodingException e) {
                throw new InvalidInputException(name + ": bad header (not UTF-8 text)");
            }
        } else {
            text = new String(hb, StandardCharsets.ISO_8859_1);
        }
        Object parsed;
        try {
            parsed = PyLiteral.parse(text);
        } catch (PyLiteral.SyntaxError e) {
            throw new InvalidInputException(name + ": bad header (" + e.getMessage() + ")");
        }
        if (!(parsed instanceof Map<?, ?> dict)) {
            throw new InvalidInputException(name + ": bad header (not a dictionary)");
        }
        if (dict.size() != 3 || !dict.containsKey("descr") || !dict.containsKey("fortran_order")
                || !dict.containsKey("shape")) {
            throw new InvalidInputException(name + ": bad header (expected exactly the keys 'descr', "
                    + "'fortran_order' and 'shape', got " + Messages.printable(abbreviate(dict.keySet().toString())) + ")");
        }
        Object fo = dict.get("fortran_order");
        if (!(fo instanceof Boolean fortran)) {
            throw new InvalidInputException(name + ": bad header ('fortran_order' must be True or False)");
        }
        Object sh = dict.get("shape");
        if (!(sh instanceof PyLiteral.Tuple tuple)) {
            throw new InvalidInputException(name + ": bad header ('shape' must be a tuple of integers)");
        }
        List<Object> items = tuple.items();
        if (items.size() > 64) {
            throw new InvalidInputException(name + ": bad header (more than 64 dimensions)");
        }
        int[] shape = new int[items.size()];
        long size = 1;
        boolean tooLarge = false;
        for (int k = 0; k < shape.length; k++) {
            Object d = items.get(k);
            if (!(d instanceof BigInteger bi)) {
                throw new InvalidInputException(name + ": bad header ('shape' must be a tuple of integers)");
            }
            if (bi.signum() < 0) {
                throw new InvalidInputException(name + ": bad header (negative dimension " + bi + " in 'shape')");
            }
            if (bi.bitLength() > 31) {
                tooLarge = true;
                shape[k] = Integer.MAX_VALUE;
            } else {
                shape[k] = bi.intValue();
            }
        }
        for (int d : shape) {
            if (d == 0) {
                size = 0;
                break;
            }
            size = size > MAX_ELEMENTS ? size : size * d;
        }
        Dtype dtype = Dtype.parse(name, dict.get("descr"));
        if (tooLarge || size > MAX_ELEMENTS) {
            throw new InvalidInputException(name + ": array too large (shape " + items + " has more than "
                    + MAX_ELEMENTS + " elements)");
        }
        long dataBytes = size * dtype.itemBytes();
        long headerBytes = 8 + lenBytes + hlen;
        return new Header(major, minor, dtype, fortran, shape, size, dataBytes, headerBytes);
    }

    /**
     * Reads the numeric data that follows {@code h}, converting to double and to C order.
     *
     * @param allowNonFinite whether NaN and infinities are accepted
     */
    static NdArray readNumeric(String name, InputStream in, Header h, boolean allowNonFinite) throws IOException {
        Dtype dt = h.dtype();
        if (dt.kind().isText()) {
            throw Dtype.unsupported(name, dt.descr());
        }
        int n = (int) h.size();
        int item = dt.itemBytes();
        double[] out = new double[Math.min(n, 1 << 16)];
        byte[] buf = new byte[CHUNK_ELEMENTS * item];
        int done = 0;
        while (done < n) {
            int m = Math.min(CHUNK_ELEMENTS, n - done);
            int want = m * item;
            int got = in.readNBytes(buf, 0, want);
            if (got < want) {
                throw truncated(name, "(expected " + h.dataBytes() + " bytes of data, found "
                        + ((long) done * item + got) + ")");
            }
            if (out.length < done + m) {
                out = Arrays.copyOf(out, (int) Math.min(n, Math.max((long) done + m, 2L * out.length)));
            }
            decode(name, h, ByteBuffer.wrap(buf, 0, want).order(dt.order()), m, out, done);
            done += m;
        }
        double[] data = h.fortranOrder() && h.shape().length > 1 ? fortranToC(out, h.shape()) : out;
        NdArray a = new NdArray(h.shape(), data, dt.descr());
        if (!allowNonFinite) {
            a.requireFinite(name);
        }
        return a;
    }

    private static void decode(String name, Header h, ByteBuffer bb, int m, double[] out, int off) {
        Dtype dt = h.dtype();
        switch (dt.kind()) {
            case FLOAT:
                switch (dt.itemBytes()) {
                    case 8:
                        for (int i = 0; i < m; i++) {
                            out[off + i] = bb.getDouble(i * 8);
                        }
                        break;
                    case 4:
                        for (int i = 0; i < m; i++) {
                            out[off + i] = bb.getFloat(i * 4);
                        }
                        break;
                    default:
                        for (int i = 0; i < m; i++) {
                            out[off + i] = halfToDouble(bb.getShort(i * 2));
                        }
                        break;
                }
                break;
            case INT:
                switch (dt.itemBytes()) {
                    case 8:
                        for (int i = 0; i < m; i++) {
                            long v = bb.getLong(i * 8);
                            if (v > TWO_53 || v < -TWO_53) {
                                throw inexact(name, h, off + i, Long.toString(v));
                            }
                            out[off + i] = v;
                        }
                        break;
                    case 4:
                        for (int i = 0; i < m; i++) {
                            out[off + i] = bb.getInt(i * 4);
                        }
                        break;
                    case 2:
                        for (int i = 0; i < m; i++) {
                            out[off + i] = bb.getShort(i * 2);
                        }
                        break;
                    default:
                        for (int i = 0; i < m; i++) {
                            out[off + i] = bb.get(i);
                        }
                        break;
                }
                break;
            case UINT:
                switch (dt.itemBytes()) {
                    case 8:
                        for (int i = 0; i < m; i++) {
                            long v = bb.getLong(i * 8);
                            if (v < 0 || v > TWO_53) {
                                throw inexact(name, h, off + i, Long.toUnsignedString(v));
                            }
                            out[off + i] = v;
                        }
                        break;
                    case 4:
                        for (int i = 0; i < m; i++) {
                            out[off + i] = bb.getInt(i * 4) & 0xffffffffL;
                        }
                        break;
                    case 2:
                        for (int i = 0; i < m; i++) {
                            out[off + i] = bb.getShort(i * 2) & 0xffff;
                        }
                        break;
                    default:
                        for (int i = 0; i < m; i++) {
                            out[off + i] = bb.get(i) & 0xff;
                        }
                        break;
                }
                break;
            case BOOL:
                for (int i = 0; i < m; i++) {
                    out[off + i] = bb.get(i) != 0 ? 1.0 : 0.0;
                }
                break;
            default:
                throw Dtype.unsupported(name, dt.descr());
        }
    }

    private static InvalidInputException inexact(String name, Header h, long filePos, String value) {
        return new InvalidInputException(name + ": " + NdArray.entryName(h.shape(), cIndexOf(filePos, h))
                + " = " + value + " cannot be represented exactly as a double (|value| > 2^53)");
    }

    /** C-order position of the element stored at position {@code filePos}. */
    private static long cIndexOf(long filePos, Header h) {
        int[] shape = h.shape();
        if (!h.fortranOrder() || shape.length < 2) {
            return filePos;
        }
        long rest = filePos;
        long[] idx = new long[shape.length];
        for (int k = 0; k < shape.length; k++) {
            idx[k] = rest % shape[k];
            rest /= shape[k];
        }
        long c = 0;
        for (int k = 0; k < shape.length; k++) {
            c = c * shape[k] + idx[k];
        }
        return c;
    }

    /** Reorders column-major (Fortran) data into row-major (C) order. */
    static double[] fortranToC(double[] f, int[] shape) {
        int r = shape.length;
        int n = f.length;
        double[] c = new double[n];
        if (n == 0) {
            return c;
        }
        int[] cStride = new int[r];
        cStride[r - 1] = 1;
        for (int k = r - 2; k >= 0; k--) {
            cStride[k] = cStride[k + 1] * shape[k + 1];
        }
        int[] idx = new int[r];
        int cOff = 0;
        for (int p = 0; p < n; p++) {
            c[cOff] = f[p];
            for (int k = 0; k < r; k++) {
                idx[k]++;
                cOff += cStride[k];
                if (idx[k] < shape[k]) {
                    break;
                }
                cOff -= cStride[k] * shape[k];
                idx[k] = 0;
            }
        }
        return c;
    }

    /** IEEE 754 binary16 to double. */
    static double halfToDouble(short bits) {
        int h = bits & 0xffff;
        int sign = (h >>> 15) != 0 ? -1 : 1;
        int exp = (h >>> 10) & 0x1f;
        int mant = h & 0x3ff;
        if (exp == 0) {
            return sign * Math.scalb((double) mant, -24);
        }
        if (exp == 0x1f) {
            return mant == 0 ? sign * Double.POSITIVE_INFINITY : Double.NaN;
        }
        return sign * Math.scalb((double) (mant | 0x400), exp - 25);
    }

    /**
     * Reads the text scalar (a rank-0 {@code U} or {@code S} array) that follows {@code h}; numpy's trailing
     * NUL padding is removed.
     */
    static String readText(String name, InputStream in, Header h) throws IOException {
        Dtype dt = h.dtype();
        if (!dt.kind().isText() || h.shape().length != 0) {
            throw new InvalidInputException(name + ": expected a text scalar, got dtype '" + dt.descr()
                    + "' with shape " + NdArray.shapeString(h.shape()));
        }
        if (h.dataBytes() > MAX_TEXT_BYTES) {
            throw new InvalidInputException(name + ": text too long (" + h.dataBytes() + " bytes)");
        }
        byte[] b = in.readNBytes((int) h.dataBytes());
        if (b.length < h.dataBytes()) {
            throw truncated(name, "(expected " + h.dataBytes() + " bytes of data, found " + b.length + ")");
        }
        if (dt.kind() == Dtype.Kind.BYTES) {
            int end = b.length;
            while (end > 0 && b[end - 1] == 0) {
                end--;
            }
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, 0, end))
                        .toString();
            } catch (CharacterCodingException e) {
                throw new InvalidInputException(name + ": text is not valid UTF-8");
            }
        }
        ByteBuffer bb = ByteBuffer.wrap(b).order(dt.order());
        int count = b.length / 4;
        while (count > 0 && bb.getInt((count - 1) * 4) == 0) {
            count--;
        }
        StringBuilder sb = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            int cp = bb.getInt(i * 4);
            if (!Character.isValidCodePoint(cp) || (cp >= 0xd800 && cp <= 0xdfff)) {
                throw new InvalidInputException(name + ": text holds an invalid character code " + cp);
            }
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    /** Reads and discards the data that follows {@code h}, failing if it is cut short. */
    static void skipData(String name, InputStream in, Header h) throws IOException {
        long left = h.dataBytes();
        byte[] buf = new byte[8192];
        while (left > 0) {
            int got = in.readNBytes(buf, 0, (int) Math.min(buf.length, left));
            if (got == 0) {
                throw truncated(name, "(expected " + h.dataBytes() + " bytes of data, found "
                        + (h.dataBytes() - left) + ")");
            }
            left -= got;
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

    static InvalidInputException truncated(String name, String where) {
        return new InvalidInputException(name + ": truncated " + where);
    }

    // ---------------------------------------------------------------------------------------- writing

    /** Writes a version 1.0 header (2.0 if it would not fit), laid out byte for byte as numpy does. */
    static void writeHeader(OutputStream out, String descr, int[] shape) throws IOException {
        StringBuilder sb = new StringBuilder("{'descr': '").append(descr).append("', 'fortran_order': False, ")
                .append("'shape': ").append(NdArray.shapeString(shape)).append(", }");
        if (shape.length > 0) {
            sb.append(" ".repeat(Math.max(0, GROWTH_AXIS_MAX_DIGITS - Integer.toString(shape[0]).length())));
        }
        byte[] body = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        int hlen = body.length + 1; // + '\n'
        int major = 1;
        int lenBytes = 2;
        int pad = ARRAY_ALIGN - ((MAGIC.length + 2 + lenBytes + hlen) % ARRAY_ALIGN);
        if (hlen + pad > 0xffff) {
            major = 2;
            lenBytes = 4;
            pad = ARRAY_ALIGN - ((MAGIC.length + 2 + lenBytes + hlen) % ARRAY_ALIGN);
        }
        ByteBuffer pre = ByteBuffer.allocate(MAGIC.length + 2 + lenBytes).order(ByteOrder.LITTLE_ENDIAN);
        pre.put(MAGIC).put((byte) major).put((byte) 0);
        if (lenBytes == 2) {
            pre.putShort((short) (hlen + pad));
        } else {
            pre.putInt(hlen + pad);
        }
        out.write(pre.array());
        out.write(body);
        byte[] tail = new byte[pad + 1];
        Arrays.fill(tail, (byte) ' ');
        tail[pad] = '\n';
        out.write(tail);
    }

    /** Writes the array as little-endian float64 in C order. */
    static void writeNumeric(OutputStream out, NdArray a) throws IOException {
        writeNumeric(out, a, false);
    }

    /** Writes {@code a} as little-endian float64, or float32 ({@code <f4}, each entry rounded to nearest). */
    static void writeNumeric(OutputStream out, NdArray a, boolean float32) throws IOException {
        writeHeader(out, float32 ? "<f4" : NdArray.FLOAT64, a.shape());
        double[] d = a.data();
        int bytes = float32 ? 4 : 8;
        ByteBuffer bb = ByteBuffer.allocate(CHUNK_ELEMENTS * bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int off = 0; off < d.length; off += CHUNK_ELEMENTS) {
            int m = Math.min(CHUNK_ELEMENTS, d.length - off);
            bb.clear();
            for (int i = 0; i < m; i++) {
                if (float32) {
                    bb.putFloat((float) d[off + i]);
                } else {
                    bb.putDouble(d[off + i]);
                }
            }
            out.write(bb.array(), 0, m * bytes);
        }
    }

    /** Writes a rank-0 little-endian unicode ({@code <U n}) array holding {@code text}, as numpy would. */
    static void writeText(OutputStream out, String text) throws IOException {
        int[] cps = text.codePoints().toArray();
        int n = Math.max(1, cps.length);
        writeHeader(out, "<U" + n, new int[0]);
        ByteBuffer bb = ByteBuffer.allocate(n * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int cp : cps) {
            bb.putInt(cp);
        }
        out.write(bb.array());
    }
}
