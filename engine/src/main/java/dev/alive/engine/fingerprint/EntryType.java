package dev.alive.engine.fingerprint;

/** The kind of one tree entry, as {@code lstat} reports it (symlinks are never followed). */
enum EntryType {
    FILE('f'),
    DIRECTORY('d'),
    SYMLINK('l'),
    /** A fifo, socket or device: recorded by type and mode only, never read. */
    OTHER('o');

    private static final int TYPE_BITS = 0170000;
    private static final int REGULAR = 0100000;
    private static final int DIRECTORY_BITS = 0040000;
    private static final int SYMLINK_BITS = 0120000;

    final char tag;

    EntryType(char tag) {
        this.tag = tag;
    }

    static EntryType ofMode(int mode) {
        return switch (mode & TYPE_BITS) {
            case REGULAR -> FILE;
            case DIRECTORY_BITS -> DIRECTORY;
            case SYMLINK_BITS -> SYMLINK;
            default -> OTHER;
        };
    }
}
