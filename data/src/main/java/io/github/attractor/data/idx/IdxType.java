package io.github.attractor.data.idx;

import io.github.attractor.data.io.MalformedFileException;

/**
 * The value types of the IDX format: the third byte of the magic number, the item size in bytes, and the
 * numpy dtype descriptor an {@link io.github.attractor.data.array.NdArray} read from such a file carries.
 * IDX stores every multi-byte value big-endian.
 */
public enum IdxType {
    /** {@code 0x08}: unsigned byte (MNIST images and labels). */
    UNSIGNED_BYTE(0x08, 1, "|u1", false),
    /** {@code 0x09}: signed byte. */
    SIGNED_BYTE(0x09, 1, "|i1", false),
    /** {@code 0x0B}: 16-bit signed integer. */
    SHORT(0x0B, 2, ">i2", false),
    /** {@code 0x0C}: 32-bit signed integer. */
    INT(0x0C, 4, ">i4", false),
    /** {@code 0x0D}: 32-bit IEEE float. */
    FLOAT(0x0D, 4, ">f4", true),
    /** {@code 0x0E}: 64-bit IEEE float. */
    DOUBLE(0x0E, 8, ">f8", true);

    private final int code;
    private final int bytes;
    private final String descriptor;
    private final boolean floating;

    IdxType(int code, int bytes, String descriptor, boolean floating) {
        this.code = code;
        this.bytes = bytes;
        this.descriptor = descriptor;
        this.floating = floating;
    }

    /** The type code in the magic number. */
    public int code() {
        return code;
    }

    /** Bytes per value. */
    public int bytes() {
        return bytes;
    }

    /** The numpy dtype descriptor, e.g. {@code "|u1"} or {@code ">f4"}. */
    public String descriptor() {
        return descriptor;
    }

    /** Whether the values are IEEE floats (and so may be NaN or infinite). */
    public boolean floating() {
        return floating;
    }

    /** The type with this code; a {@link MalformedFileException} naming {@code name} otherwise. */
    static IdxType fromCode(String name, int code) {
        for (IdxType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new MalformedFileException(String.format("%s: unsupported IDX data type 0x%02x (known: 0x08, 0x09, "
                + "0x0B, 0x0C, 0x0D, 0x0E)", name, code));
    }

    /** The type with this dtype descriptor, or null. */
    static IdxType fromDescriptor(String descriptor) {
        for (IdxType t : values()) {
            if (t.descriptor.equals(descriptor)) {
                return t;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return String.format("%s (0x%02x)", name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), code);
    }
}
