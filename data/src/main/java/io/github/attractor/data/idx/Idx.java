package io.github.attractor.data.idx;

import io.github.attractor.core.error.AttractorException;
import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.NonFiniteValueException;
import io.github.attractor.core.error.ShapeMismatchException;
import io.github.attractor.data.array.NdArray;
import io.github.attractor.data.io.MalformedFileException;
import io.github.attractor.data.io.Messages;
import io.github.attractor.data.io.MissingFileException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files, the format of the MNIST data set (LeCun et al.), plain or gzip-compressed.
 *
 * <p>An IDX file is a 4-byte magic number {@code 0x00 0x00 T D}, then {@code D} dimensions as big-endian
 * unsigned 32-bit integers, then {@code d_1·d_2·…·d_D} values of type {@code T} in row-major order,
 * big-endian: {@code 0x08} unsigned byte, {@code 0x09} signed byte, {@code 0x0B} 16-bit integer, {@code 0x0C}
 * 32-bit integer, {@code 0x0D} 32-bit float, {@code 0x0E} 64-bit float ({@link IdxType}). All six are read
 * into doubles exactly.
 *
 * <p>Compression is detected from the content, not the file name: a file that starts with the gzip magic
 * bytes {@code 1f 8b} is decompressed on the fly, any other file is read as it is.
 *
 * <p>Reading validates everything and loads nothing halfway: a missing file is a {@link MissingFileException};
 * a bad magic number, an unknown type code, zero dimensions, a truncated header or body, a corrupt gzip stream,
 * and data left over after the {@code Π d_k} values the dimensions account for are a
 * {@link MalformedFileException}; NaN or infinite floats are a {@link NonFiniteValueException}; the wrong
 * rank or type for {@link #readImages}/{@link #readLabels} is a {@link ShapeMismatchException} or an
 * {@link InvalidInputException}. Every message is one line that starts with the file name, e.g.
 * {@code "t10k.gz: truncated: dimensions (10000, 28, 28) need 7840000 bytes of data, found 4096"}.
 */
public final class Idx {
    private static final int CHUNK = 1 << 16;
    /** More dimensions than any real IDX file has; guards the header allocation. */
    private static final int MAX_DIMENSIONS = 64;

    private Idx() {
    }

    /**
     * Reads an IDX file (plain or gzip) into an array of its own shape; the values are converted to double
     * exactly and the dtype is the numpy descriptor of the IDX type ({@link IdxType#descriptor()}).
     */
    public static NdArray read(Path path) {
        return readFile(path, 1.0);
    }

    /**
     * Reads an IDX stream (plain or gzip, detected from its first two bytes). The stream is read to its
     * end (trailing data is an error) and is not closed.
     *
     * @param name names the source in error messages
     */
    public static NdArray read(String name, InputStream in) {
        Objects.requireNonNull(in, "in");
        String shown = Messages.printable(String.valueOf(name));
        try {
            return readStream(shown, in, -1, 1.0);
        } catch (AttractorException e) {
            throw e;
        } catch (IOException e) {
            throw ioError(shown, e);
        } catch (RuntimeException e) {
            throw new MalformedFileException(shown + ": corrupt IDX data (" + describe(e) + ")", e);
        }
    }

    /**
     * Reads an image file in MNIST layout: unsigned bytes of shape {@code N × rows × cols}, returned as
     * doubles {@code pixel / 255} in {@code [0, 1]}, one image per row of an {@code N × (rows·cols)} array
     * (row-major image vectors).
     *
     * @throws ShapeMismatchException if the file does not have 3 dimensions
     * @throws InvalidInputException  if the values are not unsigned bytes
     */
    public static IdxImages readImages(Path path) {
        String name = Messages.printable(String.valueOf(path));
        NdArray a = readFile(path, 1.0 / 255.0);
        if (a.rank() != 3) {
            throw new ShapeMismatchException(name + ": expected images of shape (N, rows, cols), got "
                    + NdArray.shapeString(a.shape()));
        }
        requireUnsignedBytes(name, a, "image");
        int n = a.dim(0);
        int rows = a.dim(1);
        int cols = a.dim(2);
        return new IdxImages(rows, cols, new NdArray(new int[] {n, rows * cols}, a.data(), a.dtype()));
    }

    /**
     * Reads a label file in MNIST layout: unsigned bytes of shape {@code N}.
     *
     * @throws ShapeMismatchException if the file does not have exactly one dimension
     * @throws InvalidInputException  if the values are not unsigned bytes
     */
    public static int[] readLabels(Path path) {
        String name = Messages.printable(String.valueOf(path));
        NdArray a = readFile(path, 1.0);
        if (a.rank() != 1) {
            throw new ShapeMismatchException(name + ": expected labels of shape (N,), got "
                    + NdArray.shapeString(a.shape()));
        }
        requireUnsignedBytes(name, a, "label");
        double[] d = a.data();
        int[] labels = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            labels[i] = (int) d[i];
        }
        return labels;
    }

    private static void requireUnsignedBytes(String name, NdArray a, String what) {
        if (!a.dtype().equals(IdxType.UNSIGNED_BYTE.descriptor())) {
            throw new InvalidInputException(name + ": expected " + what + " values of type unsigned byte (0x08), got "
                    + IdxType.fromDescriptor(a.dtype()));
        }
    }

    private static NdArray readFile(Path path, double scale) {
        Objects.requireNonNull(path, "path");
        String name = Messages.printable(path.toString());
        if (!Files.exists(path)) {
            throw new MissingFileException(name + ": no such file");
        }
        if (Files.isDirectory(path)) {
            throw new MissingFileException(name + ": is a directory, not a file");
        }
        try (InputStream in = Files.newInputStream(path)) {
            return readStream(name, in, Files.size(path), scale);
        } catch (AttractorException e) {
            throw e;
        } catch (IOException e) {
            throw ioError(name, e);
        } catch (RuntimeException e) {
            throw new MalformedFileException(name + ": corrupt IDX file (" + describe(e) + ")", e);
        }
    }

    /**
     * Reads one IDX array from {@code raw}, gunzipping when it starts with {@code 1f 8b}.
     *
     * @param fileSize the byte size of an uncompressed source, or -1 when unknown (streams, gzip)
     * @param scale    factor applied to every value (1/255 for images)
     */
    private static NdArray readStream(String name, InputStream raw, long fileSize, double scale) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(raw, CHUNK);
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        if (b0 < 0) {
            throw new MalformedFileException(name + ": empty file");
        }
        boolean gzip = b0 == 0x1f && b1 == 0x8b;
        InputStream in;
        if (gzip) {
            try {
                in = new BufferedInputStream(new GZIPInputStream(buffered, CHUNK), CHUNK);
            } catch (EOFException e) {
                throw new MalformedFileException(name + ": truncated gzip header", e);
            } catch (ZipException e) {
                throw new MalformedFileException(name + ": corrupt gzip data (" + describe(e) + ")", e);
            }
        } else {
            in = buffered;
        }
        try {
            return decode(name, in, gzip ? -1 : fileSize, scale, gzip);
        } catch (EOFException e) {
            throw new MalformedFileException(name + ": truncated gzip data (" + describe(e) + ")", e);
        } catch (ZipException e) {
            throw new MalformedFileException(name + ": corrupt gzip data (" + describe(e) + ")", e);
        }
    }

    private static NdArray decode(String name, InputStream in, long fileSize, double scale, boolean gzip)
            throws IOException {
        String body = gzip ? " (after gunzip)" : "";
        byte[] magic = in.readNBytes(4);
        if (magic.length < 4) {
            throw new MalformedFileException(name + ": truncated in the magic number" + body + " (" + magic.length
                    + " of 4 bytes)");
        }
        if (magic[0] != 0 || magic[1] != 0) {
            throw new MalformedFileException(String.format("%s: not an IDX file%s (bad magic number 0x%02x%02x%02x%02x;"
                    + " expected 0x0000TTDD)", name, body, magic[0] & 0xff, magic[1] & 0xff, magic[2] & 0xff,
                    magic[3] & 0xff));
        }
        IdxType type = IdxType.fromCode(name, magic[2] & 0xff);
        int rank = magic[3] & 0xff;
        if (rank == 0 || rank > MAX_DIMENSIONS) {
            throw new MalformedFileException(name + ": bad magic number: " + rank + " dimensions (expected 1 to "
                    + MAX_DIMENSIONS + ")");
        }
        byte[] dimBytes = in.readNBytes(4 * rank);
        if (dimBytes.length < 4 * rank) {
            throw new MalformedFileException(name + ": truncated in the dimensions" + body + " (" + dimBytes.length
                    + " of " + 4 * rank + " bytes)");
        }
        ByteBuffer db = ByteBuffer.wrap(dimBytes).order(ByteOrder.BIG_ENDIAN);
        int[] shape = new int[rank];
        long count = 1;
        for (int k = 0; k < rank; k++) {
            long d = db.getInt() & 0xffffffffL;
            if (d > Integer.MAX_VALUE) {
                throw new MalformedFileException(name + ": dimension " + k + " is " + d + ", too large");
            }
            shape[k] = (int) d;
            count *= d;
            if (count > Integer.MAX_VALUE) {
                throw new MalformedFileException(name + ": dimensions " + NdArray.shapeString(shape)
                        + " hold more than " + Integer.MAX_VALUE + " values");
            }
        }
        long headerBytes = 4 + 4L * rank;
        long dataBytes = count * type.bytes();
        String dims = NdArray.shapeString(shape);
        if (fileSize >= 0 && fileSize != headerBytes + dataBytes) {
            long found = fileSize - headerBytes;
            if (found < dataBytes) {
                throw truncated(name, dims, dataBytes, found, body);
            }
            throw leftover(name, dims, dataBytes, found, body);
        }
        int n = (int) count;
        double[] out = new double[n];
        int item = type.bytes();
        int perChunk = CHUNK / item;
        byte[] buf = new byte[perChunk * item];
        int done = 0;
        while (done < n) {
            int m = Math.min(perChunk, n - done);
            int want = m * item;
            int got = in.readNBytes(buf, 0, want);
            if (got < want) {
                throw truncated(name, dims, dataBytes, (long) done * item + got, body);
            }
            decodeChunk(type, ByteBuffer.wrap(buf, 0, want).order(ByteOrder.BIG_ENDIAN), m, out, done);
            done += m;
        }
        if (in.read() != -1) {
            long extra = 1;
            long skipped;
            while ((skipped = in.skip(CHUNK)) > 0) {
                extra += skipped;
            }
            while (in.read() != -1) {
                extra++;
            }
            throw leftover(name, dims, dataBytes, dataBytes + extra, body);
        }
        if (type.floating()) {
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(out[i])) {
                    throw new NonFiniteValueException(name + ": " + NdArray.entryName(shape, i) + " is " + out[i]);
                }
            }
        }
        if (scale != 1.0) {
            for (int i = 0; i < n; i++) {
                out[i] *= scale;
            }
        }
        return new NdArray(shape, out, type.descriptor());
    }

    private static void decodeChunk(IdxType type, ByteBuffer bb, int m, double[] out, int off) {
        switch (type) {
            case UNSIGNED_BYTE -> {
                for (int i = 0; i < m; i++) {
                    out[off + i] = bb.get() & 0xff;
                }
            }
            case SIGNED_BYTE -> {
                for (int i = 0; i < m; i++) {
                    out[off + i] = bb.get();
                }
            }
            case SHORT -> {
                for (int i = 0; i < m; i++) {
                    out[off + i] = bb.getShort();
                }
            }
            case INT -> {
                for (int i = 0; i < m; i++) {
                    out[off + i] = bb.getInt();
                }
            }
            case FLOAT -> {
                for (int i = 0; i < m; i++) {
                    out[off + i] = bb.getFloat();
                }
            }
            case DOUBLE -> {
                for (int i = 0; i < m; i++) {
                    out[off + i] = bb.getDouble();
                }
            }
            default -> throw new IllegalStateException("unhandled IDX type " + type);
        }
    }

    private static MalformedFileException truncated(String name, String dims, long need, long found, String body) {
        return new MalformedFileException(name + ": truncated" + body + ": dimensions " + dims + " need " + need
                + " bytes of data, found " + Math.max(0, found));
    }

    private static MalformedFileException leftover(String name, String dims, long need, long found, String body) {
        return new MalformedFileException(name + ": " + found + " bytes of data" + body + " but dimensions " + dims
                + " account for " + need + " (the product of the dimensions does not match the data)");
    }

    private static InvalidInputException ioError(String name, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new MissingFileException(name + ": no such file", e);
        }
        if (e instanceof AccessDeniedException) {
            return new MissingFileException(name + ": cannot read (permission denied)", e);
        }
        return new InvalidInputException(name + ": cannot read (" + describe(e) + ")", e);
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        String kind = e.getClass().getSimpleName();
        return m == null ? kind : kind + ": " + Messages.printable(m);
    }
}
