package io.github.attractor.learn.io;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.ShapeMismatchException;
import io.github.attractor.learn.tape.Parameter;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;

/**
 * Model files: a model kind, the kind's own version, string attributes (hyper-parameters needed to rebuild the
 * model) and named parameters with their shapes and exact double values. Layout, all integers big-endian:
 * <pre>
 *   "ATTRMODL"                 8 bytes magic
 *   format version             u32 (= {@value #FORMAT_VERSION})
 *   payload length             u64
 *   payload                    kind (str), kind version (i32), #attributes (i32), {key (str), value (str)}*,
 *                              #parameters (i32), {name (str), rank (i32), dims (i32 × rank), values (f64 bits)}*
 *   CRC-32                     u32 over everything before it
 * </pre>
 * where {@code str} is an i32 byte length and UTF-8 bytes. Doubles are stored as their raw IEEE-754 bits, so a
 * model loads back bit-identical (NaN payloads included). The file is written atomically: to a temporary file
 * in the target's directory, forced to disk, then moved over the target, so a reader sees the old file or the
 * complete new one. Reading checks magic, version, length and checksum before parsing, and every failure is a
 * one-line {@link ModelFileException} naming the file.
 */
public final class ModelFile {
    /** The format version this build writes and reads. */
    public static final int FORMAT_VERSION = 1;
    private static final byte[] MAGIC = "ATTRMODL".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = 8 + 4 + 8;
    private static final int TRAILER = 4;

    private ModelFile() {
    }

    /** What a model file holds. */
    public record Contents(String kind, int kindVersion, Map<String, String> attributes, List<Parameter> parameters) {
        /** The parameter with the given name, or null. */
        public Parameter parameter(String name) {
            for (Parameter p : parameters) {
                if (p.name().equals(name)) {
                    return p;
                }
            }
            return null;
        }
    }

    /** Writes a model file atomically. Parameter names must be unique. */
    public static void save(Path file, String kind, int kindVersion, Map<String, String> attributes,
            List<Parameter> parameters) {
        if (kind == null || kind.isEmpty()) {
            throw new InvalidInputException(file + ": model kind must not be empty");
        }
        HashSet<String> names = new HashSet<>();
        for (Parameter p : parameters) {
            if (!names.add(p.name())) {
                throw new InvalidInputException(file + ": parameter name '" + p.name() + "' occurs twice");
            }
        }
        byte[] bytes;
        try {
            ByteArrayOutputStream payloadBytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(payloadBytes);
            writeString(out, kind);
            out.writeInt(kindVersion);
            out.writeInt(attributes.size());
            for (Map.Entry<String, String> e : attributes.entrySet()) {
                writeString(out, e.getKey());
                writeString(out, e.getValue());
            }
            out.writeInt(parameters.size());
            for (Parameter p : parameters) {
                writeString(out, p.name());
                out.writeInt(p.rank());
                for (int d : p.shape()) {
                    out.writeInt(d);
                }
                for (double v : p.value()) {
                    out.writeLong(Double.doubleToRawLongBits(v));
                }
            }
            out.flush();
            byte[] payload = payloadBytes.toByteArray();
            ByteBuffer buf = ByteBuffer.allocate(HEADER + payload.length + TRAILER);
            buf.put(MAGIC).putInt(FORMAT_VERSION).putLong(payload.length).put(payload);
            CRC32 crc = new CRC32();
            crc.update(buf.array(), 0, HEADER + payload.length);
            buf.putInt((int) crc.getValue());
            bytes = buf.array();
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot encode model (" + e.getMessage() + ")", e);
        }
        writeAtomically(file, bytes);
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    /** Temporary file in the same directory, forced, then moved over the target. */
    static void writeAtomically(Path file, byte[] bytes) {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = null;
        try {
            if (Files.isDirectory(abs)) {
                throw new InvalidInputException(file + ": is a directory");
            }
            if (dir != null) {
                Files.createDirectories(dir);
            }
            tmp = createTemp(dir == null ? Path.of(".") : dir, abs.getFileName().toString());
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer b = ByteBuffer.wrap(bytes);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot write (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().replace('\n', ' ')) + ")", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the original failure is the one to report
                }
            }
        }
    }

    /**
     * A new empty file {@code .<name>.<random>.tmp} next to the target, with the default permissions of a plainly
     * written file (unlike {@link Files#createTempFile}, which makes it owner-only).
     */
    private static Path createTemp(Path dir, String name) throws IOException {
        String base = name.length() > 100 ? name.substring(0, 100) : name;
        for (int attempt = 0; ; attempt++) {
            String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
            try {
                return Files.createFile(dir.resolve("." + base + "." + suffix + ".tmp"));
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }

    /** {@code s} with control and line-separator characters escaped, so that text from a file keeps messages on one line. */
    static String printable(String s) {
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

    /** Reads a model file, checking magic, format version, length and checksum. */
    public static Contents load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ModelFileException(file + ": no such file", e);
        } catch (IOException e) {
            throw new ModelFileException(file + ": cannot read (" + e.getClass().getSimpleName() + ")", e);
        }
        if (bytes.length < MAGIC.length || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new ModelFileException(file + ": not an attractor model file (bad magic number)");
        }
        if (bytes.length < HEADER + TRAILER) {
            throw new ModelFileException(file + ": truncated (" + bytes.length + " bytes, shorter than a header)");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        buf.position(MAGIC.length);
        int version = buf.getInt();
        if (version != FORMAT_VERSION) {
            throw new ModelFileException(file + ": unsupported model format version " + Integer.toUnsignedString(version)
                    + " (this build reads version " + FORMAT_VERSION + ")");
        }
        long declared = buf.getLong();
        long actual = (long) bytes.length - HEADER - TRAILER;
        if (declared != actual) {
            throw new ModelFileException(file + ": truncated or padded (header declares " + declared
                    + " payload bytes, file holds " + actual + ")");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - TRAILER);
        long stored = Integer.toUnsignedLong(ByteBuffer.wrap(bytes, bytes.length - TRAILER, TRAILER).getInt());
        if (stored != crc.getValue()) {
            throw new ModelFileException(String.format("%s: checksum mismatch (stored %08x, computed %08x): the file is "
                    + "corrupted", file, stored, crc.getValue()));
        }
        ByteBuffer p = ByteBuffer.wrap(bytes, HEADER, (int) actual).slice();
        try {
            String kind = readString(p);
            int kindVersion = p.getInt();
            int nAttr = count(p, "attributes");
            Map<String, String> attrs = new LinkedHashMap<>();
            for (int i = 0; i < nAttr; i++) {
                attrs.put(readString(p), readString(p));
            }
            int nParams = count(p, "parameters");
            List<Parameter> params = new ArrayList<>();
            HashSet<String> names = new HashSet<>();
            for (int i = 0; i < nParams; i++) {
                String name = readString(p);
                if (!names.add(name)) {
                    throw new IllegalArgumentException("parameter '" + printable(name) + "' occurs twice");
                }
                int rank = p.getInt();
                if (rank < 0 || rank > 3) {
                    throw new IllegalArgumentException("parameter '" + printable(name) + "' has rank " + rank);
                }
                int[] shape = new int[rank];
                long size = 1;
                for (int r = 0; r < rank; r++) {
                    shape[r] = p.getInt();
                    if (shape[r] <= 0) {
                        throw new IllegalArgumentException("parameter '" + printable(name) + "' has dimension " + shape[r]);
                    }
                    size *= shape[r];
                }
                if (size * 8 > p.remaining()) {
                    throw new IllegalArgumentException("parameter '" + printable(name) + "' runs past the end of the payload");
                }
                double[] v = new double[(int) size];
                for (int j = 0; j < v.length; j++) {
                    v[j] = Double.longBitsToDouble(p.getLong());
                }
                params.add(new Parameter(name, v, shape));
            }
            if (p.hasRemaining()) {
                throw new IllegalArgumentException(p.remaining() + " bytes left after the last parameter");
            }
            return new Contents(kind, kindVersion, Collections.unmodifiableMap(attrs), List.copyOf(params));
        } catch (BufferUnderflowException e) {
            throw new ModelFileException(file + ": malformed payload (ends early)", e);
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw new ModelFileException(file + ": malformed payload (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Reads a model file of kind {@code expectedKind} and copies its values into {@code params}, which must match
     * the file's parameters one to one by name and shape.
     */
    public static Contents loadInto(Path file, String expectedKind, List<Parameter> params) {
        Contents c = load(file);
        if (!c.kind().equals(expectedKind)) {
            throw new ModelFileException(file + ": holds a model of kind '" + printable(c.kind()) + "', expected '"
                    + expectedKind + "'");
        }
        HashSet<String> wanted = new HashSet<>();
        for (Parameter p : params) {
            wanted.add(p.name());
            Parameter stored = c.parameter(p.name());
            if (stored == null) {
                throw new ModelFileException(file + ": parameter '" + p.name() + "' is missing");
            }
            if (!Arrays.equals(stored.shape(), p.shape())) {
                throw new ShapeMismatchException(file + ": parameter '" + p.name() + "' has shape "
                        + Arrays.toString(stored.shape()) + ", the model expects " + Arrays.toString(p.shape()));
            }
        }
        for (Parameter s : c.parameters()) {
            if (!wanted.contains(s.name())) {
                throw new ModelFileException(file + ": unexpected parameter '" + printable(s.name()) + "' for this model");
            }
        }
        for (Parameter p : params) {
            System.arraycopy(c.parameter(p.name()).value(), 0, p.value(), 0, p.size());
        }
        return c;
    }

    private static int count(ByteBuffer p, String what) {
        int n = p.getInt();
        if (n < 0 || n > p.remaining()) {
            throw new IllegalArgumentException("implausible number of " + what + " " + n);
        }
        return n;
    }

    private static String readString(ByteBuffer p) throws CharacterCodingException {
        int n = p.getInt();
        if (n < 0 || n > p.remaining()) {
            throw new IllegalArgumentException("string length " + n + " out of range");
        }
        ByteBuffer s = p.slice();
        s.limit(n);
        p.position(p.position() + n);
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(s).toString();
    }
}
