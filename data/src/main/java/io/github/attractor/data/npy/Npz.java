package io.github.attractor.data.npy;

import static io.github.attractor.data.io.Messages.printable;

import io.github.attractor.core.error.AttractorException;
import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.data.array.NdArray;
import io.github.attractor.data.io.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Reads and writes numpy {@code .npz} archives: zip files of {@code .npy} members, as made by
 * {@code numpy.savez} (stored members) and {@code numpy.savez_compressed} (deflated members).
 *
 * <p>Keys are the member names without the {@code .npy} suffix, in archive order. Numeric members are read
 * as by {@link Npy}; text scalars (rank-0 {@code <U…} or {@code S…} arrays, such as
 * {@code np.array("relu")}) are returned separately by {@link #readStrings(Path)} and skipped by
 * {@link #read(Path)}, as are text arrays of higher rank. Each member's CRC is checked, so a damaged
 * archive is refused rather than half read. Error messages start with the archive name, with the member
 * in brackets where one is at fault: {@code "x.npz[W]: entry (0,1) is NaN"}.
 *
 * <p>{@link #write(Path, Map)} writes stored members like {@code numpy.savez}, {@link #writeCompressed}
 * deflated ones like {@code numpy.savez_compressed}; both atomically, with fixed member timestamps so that
 * the same content always gives the same bytes.
 */
public final class Npz {
    private static final LocalDateTime DOS_EPOCH = LocalDateTime.of(1980, 1, 1, 0, 0);

    private Npz() {
    }

    /**
     * Everything an archive holds that this module can read.
     *
     * @param arrays  numeric members by key, in archive order
     * @param strings text scalar members by key, in archive order
     */
    public record Contents(Map<String, NdArray> arrays, Map<String, String> strings) {
        /** Wraps both maps unmodifiable, keeping their order. */
        public Contents {
            arrays = Collections.unmodifiableMap(new LinkedHashMap<>(arrays));
            strings = Collections.unmodifiableMap(new LinkedHashMap<>(strings));
        }
    }

    /** The numeric arrays of an archive by key, in archive order; NaN and infinities are refused. */
    public static Map<String, NdArray> read(Path path) {
        return new LinkedHashMap<>(readAll(path, false).arrays());
    }

    /** The text scalars of an archive by key, in archive order. */
    public static Map<String, String> readStrings(Path path) {
        return new LinkedHashMap<>(readAll(path, true).strings());
    }

    /** Numeric arrays and text scalars in one pass; NaN and infinities are refused. */
    public static Contents readAll(Path path) {
        return readAll(path, false);
    }

    /**
     * Numeric arrays and text scalars in one pass.
     *
     * @param allowNonFinite whether numeric members may hold NaN and infinities
     */
    public static Contents readAll(Path path, boolean allowNonFinite) {
        String name = String.valueOf(path);
        Npy.checkReadable(path);
        try {
            checkZipMagic(name, path);
            Map<String, NdArray> arrays = new LinkedHashMap<>();
            Map<String, String> strings = new LinkedHashMap<>();
            try (ZipFile zip = openZip(name, path)) {
                Enumeration<? extends ZipEntry> en = zip.entries();
                while (en.hasMoreElements()) {
                    ZipEntry e = en.nextElement();
                    if (e.isDirectory()) {
                        continue;
                    }
                    String member = e.getName();
                    if (!member.endsWith(".npy")) {
                        throw new InvalidInputException(name + ": member '" + printable(member)
                                + "' is not a .npy array (not a numpy .npz archive?)");
                    }
                    String key = member.substring(0, member.length() - 4);
                    if (arrays.containsKey(key) || strings.containsKey(key)) {
                        throw new InvalidInputException(name + ": member '" + printable(member) + "' appears twice");
                    }
                    readMember(name, zip, e, key, allowNonFinite, arrays, strings);
                }
            }
            return new Contents(arrays, strings);
        } catch (AttractorException e) {
            throw e;
        } catch (IOException e) {
            throw Npy.ioError(name, e);
        } catch (RuntimeException e) {
            throw new InvalidInputException(name + ": corrupt .npz archive (" + Npy.describe(e) + ")", e);
        }
    }

    private static void readMember(String name, ZipFile zip, ZipEntry e, String key, boolean allowNonFinite,
            Map<String, NdArray> arrays, Map<String, String> strings) throws IOException {
        String label = name + "[" + printable(key) + "]";
        try (InputStream raw = zip.getInputStream(e);
                CheckedInputStream in = new CheckedInputStream(new BufferedInputStream(raw, 1 << 16), new CRC32())) {
            NpyCodec.Header h = NpyCodec.readHeader(label, in);
            if (h.dtype().kind().isText()) {
                if (h.shape().length == 0) {
                    strings.put(key, NpyCodec.readText(label, in, h));
                } else {
                    NpyCodec.skipData(label, in, h);
                }
            } else {
                arrays.put(key, NpyCodec.readNumeric(label, in, h, allowNonFinite));
            }
            if (in.read() != -1) {
                throw new InvalidInputException(label + ": unexpected bytes after the array data");
            }
            if (e.getCrc() != -1 && in.getChecksum().getValue() != e.getCrc()) {
                throw new InvalidInputException(label + ": corrupt member (CRC mismatch)");
            }
        } catch (ZipException | java.io.EOFException ex) {
            throw new InvalidInputException(label + ": corrupt member (" + Npy.describe(ex) + ")", ex);
        }
    }

    private static void checkZipMagic(String name, Path path) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(4);
        }
        if (head.length == 0) {
            throw new InvalidInputException(name + ": empty file");
        }
        boolean zipStart = head.length >= 2 && head[0] == 'P' && head[1] == 'K';
        if (!zipStart) {
            if (head.length >= 2 && (head[0] & 0xff) == 0x93 && head[1] == 'N') {
                throw new InvalidInputException(name + ": not a .npz file (this is a .npy file)");
            }
            throw new InvalidInputException(name + ": not a .npz file (not a zip archive)");
        }
    }

    private static ZipFile openZip(String name, Path path) throws IOException {
        try {
            return new ZipFile(path.toFile());
        } catch (ZipException e) {
            throw new InvalidInputException(name + ": truncated or corrupt zip archive (" + e.getMessage() + ")",
                    e);
        }
    }

    /** Writes numeric arrays as stored members, like {@code numpy.savez}, atomically. */
    public static void write(Path path, Map<String, NdArray> arrays) {
        write(path, arrays, Map.of(), false);
    }

    /** Writes numeric arrays and text scalars as stored members, like {@code numpy.savez}, atomically. */
    public static void write(Path path, Map<String, NdArray> arrays, Map<String, String> strings) {
        write(path, arrays, strings, false);
    }

    /** Writes numeric arrays as deflated members, like {@code numpy.savez_compressed}, atomically. */
    public static void writeCompressed(Path path, Map<String, NdArray> arrays) {
        write(path, arrays, Map.of(), true);
    }

    /**
     * Writes numeric arrays (as little-endian float64) and then text scalars (as rank-0 {@code <U…}
     * arrays), atomically.
     *
     * @param compressed deflated members if true, stored members otherwise
     */
    public static void write(Path path, Map<String, NdArray> arrays, Map<String, String> strings,
            boolean compressed) {
        Objects.requireNonNull(arrays, "arrays");
        Objects.requireNonNull(strings, "strings");
        String name = String.valueOf(path);
        for (String k : arrays.keySet()) {
            checkKey(name, k);
            Objects.requireNonNull(arrays.get(k), "array '" + k + "'");
        }
        for (String k : strings.keySet()) {
            checkKey(name, k);
            Objects.requireNonNull(strings.get(k), "string '" + k + "'");
            if (arrays.containsKey(k)) {
                throw new InvalidInputException(name + ": key '" + k + "' is used for both an array and a string");
            }
        }
        AtomicFiles.write(path, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            for (Map.Entry<String, NdArray> e : arrays.entrySet()) {
                NdArray a = e.getValue();
                putMember(zip, e.getKey(), compressed, o -> NpyCodec.writeNumeric(o, a));
            }
            for (Map.Entry<String, String> e : strings.entrySet()) {
                String s = e.getValue();
                putMember(zip, e.getKey(), compressed, o -> NpyCodec.writeText(o, s));
            }
            zip.finish();
        });
    }

    private static void checkKey(String name, String k) {
        if (k == null || k.isEmpty()) {
            throw new InvalidInputException(name + ": array keys must be non-empty");
        }
    }

    private static void putMember(ZipOutputStream zip, String key, boolean compressed,
            io.github.attractor.data.io.IoConsumer<OutputStream> body) throws IOException {
        ZipEntry entry = new ZipEntry(key + ".npy");
        entry.setTimeLocal(DOS_EPOCH);
        if (compressed) {
            entry.setMethod(ZipEntry.DEFLATED);
            zip.putNextEntry(entry);
            body.accept(zip);
        } else {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            body.accept(buf);
            byte[] bytes = buf.toByteArray();
            CRC32 crc = new CRC32();
            crc.update(bytes);
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(bytes.length);
            entry.setCompressedSize(bytes.length);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(bytes);
        }
        zip.closeEntry();
    }
}
