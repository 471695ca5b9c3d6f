package io.github.attractor.data.npy;

import io.github.attractor.core.error.AttractorException;
import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.data.array.NdArray;
import io.github.attractor.data.io.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads and writes numpy {@code .npy} files, so that arrays pass between Python and Java without a
 * converter.
 *
 * <p><b>Reading</b> accepts format versions 1.0, 2.0 and 3.0; C and Fortran order (Fortran data is
 * reordered to C order); any rank from 0 up; and the dtypes {@code f8 f4 f2 i8 i4 i2 i1 u8 u4 u2 u1 b1} in
 * either byte order, all converted to double. 64-bit integers of magnitude above 2<sup>53</sup>, which a
 * double cannot hold exactly, are refused. Object, complex, text, date and structured arrays are refused with
 * one clear message. By default NaN and infinities are refused too ({@code "W.npy: entry (3,4) is NaN"});
 * the {@code readAllowingNonFinite} variants accept them.
 *
 * <p><b>Writing</b> produces little-endian float64 ({@code <f8}; {@link #writeFloat32}: {@code <f4}) in C order with a version 1.0
 * header padded to 64 bytes exactly as {@code numpy.save} lays it out, so a file written here is byte for
 * byte what numpy would write for the same array, and reads back bit-identical. Files are written
 * atomically ({@link AtomicFiles}).
 *
 * <p>Every error is an {@link InvalidInputException} (or one of its subclasses) whose message starts with the
 * file name, e.g. {@code "x.npy: unsupported dtype '<c16' (complex numbers are not supported)"}; nothing
 * else escapes, whatever the bytes.
 */
public final class Npy {
    private Npy() {
    }

    /** Reads a {@code .npy} file, refusing NaN and infinities. */
    public static NdArray read(Path path) {
        return readFile(path, false);
    }

    /** Reads a {@code .npy} file, accepting NaN and infinities. */
    public static NdArray readAllowingNonFinite(Path path) {
        return readFile(path, true);
    }

    /**
     * Reads one {@code .npy} array from a stream, refusing NaN and infinities. The stream is left just after
     * the array's data and is not closed.
     *
     * @param name names the source in error messages
     */
    public static NdArray read(String name, InputStream in) {
        return readStream(name, in, false);
    }

    /** As {@link #read(String, InputStream)}, but accepting NaN and infinities. */
    public static NdArray readAllowingNonFinite(String name, InputStream in) {
        return readStream(name, in, true);
    }

    /** Writes {@code array} as a little-endian float64 {@code .npy} file, atomically. */
    public static void write(Path path, NdArray array) {
        Objects.requireNonNull(array, "array");
        AtomicFiles.write(path, out -> NpyCodec.writeNumeric(out, array));
    }

    /**
     * Writes {@code array} as a little-endian float32 ({@code <f4}) {@code .npy} file, atomically: each entry
     * rounded to the nearest float (half the size; what large pattern stores keep). Entries beyond the float
     * range would become infinite and are refused ({@link io.github.attractor.core.error.NonFiniteValueException}
     * naming the file and the entry), before anything is written.
     */
    public static void writeFloat32(Path path, NdArray array) {
        Objects.requireNonNull(array, "array");
        double[] d = array.data();
        for (int i = 0; i < d.length; i++) {
            if (Double.isFinite(d[i]) && Float.isInfinite((float) d[i])) {
                throw new io.github.attractor.core.error.NonFiniteValueException(path + ": entry " + i + " = " + d[i]
                        + " is outside the float32 range");
            }
        }
        AtomicFiles.write(path, out -> NpyCodec.writeNumeric(out, array, true));
    }

    /**
     * Writes {@code array} in {@code .npy} form (little-endian float64, C order, version 1.0 header) to a
     * stream, which is not closed.
     *
     * @throws java.io.UncheckedIOException if the stream fails
     */
    public static void write(OutputStream out, NdArray array) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(array, "array");
        try {
            NpyCodec.writeNumeric(out, array);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static NdArray readStream(String name, InputStream in, boolean allowNonFinite) {
        Objects.requireNonNull(in, "in");
        try {
            NpyCodec.Header h = NpyCodec.readHeader(name, in);
            return NpyCodec.readNumeric(name, in, h, allowNonFinite);
        } catch (AttractorException e) {
            throw e;
        } catch (IOException e) {
            throw new InvalidInputException(name + ": cannot read (" + describe(e) + ")", e);
        } catch (RuntimeException e) {
            throw new InvalidInputException(name + ": corrupt .npy data (" + describe(e) + ")", e);
        }
    }

    private static NdArray readFile(Path path, boolean allowNonFinite) {
        String name = String.valueOf(path);
        checkReadable(path);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
            NpyCodec.Header h = NpyCodec.readHeader(name, in);
            long fileSize = Files.size(path);
            if (fileSize < h.headerBytes() + h.dataBytes()) {
                throw NpyCodec.truncated(name, "(expected " + h.dataBytes() + " bytes of data, found "
                        + Math.max(0, fileSize - h.headerBytes()) + ")");
            }
            NdArray a = NpyCodec.readNumeric(name, in, h, allowNonFinite);
            if (in.read() != -1) {
                throw new InvalidInputException(name + ": " + (fileSize - h.headerBytes() - h.dataBytes())
                        + " unexpected bytes after the array data");
            }
            return a;
        } catch (AttractorException e) {
            throw e;
        } catch (IOException e) {
            throw ioError(name, e);
        } catch (RuntimeException e) {
            throw new InvalidInputException(name + ": corrupt .npy file (" + describe(e) + ")", e);
        }
    }

    /** Fails with "no such file" / "is a directory" before any reading is tried. */
    static void checkReadable(Path path) {
        Objects.requireNonNull(path, "path");
        if (!Files.exists(path)) {
            throw new InvalidInputException(path + ": no such file");
        }
        if (Files.isDirectory(path)) {
            throw new InvalidInputException(path + ": is a directory, not a file");
        }
    }

    static InvalidInputException ioError(String name, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new InvalidInputException(name + ": no such file", e);
        }
        if (e instanceof AccessDeniedException) {
            return new InvalidInputException(name + ": cannot read (permission denied)", e);
        }
        return new InvalidInputException(name + ": cannot read (" + describe(e) + ")", e);
    }

    static String describe(Exception e) {
        String m = e.getMessage();
        String kind = e.getClass().getSimpleName();
        return m == null ? kind : kind + ": " + m.replace('\n', ' ');
    }
}
