package dev.alive.tasks.host;

/**
 * The mode and owner a file or folder gets.
 *
 * @param permissions e.g. {@code "rw-r-----"}, exactly (no umask)
 * @param uid the owner, or -1 to keep the one the file gets from alive's own user
 * @param gid the group, or -1 likewise
 */
public record FileAccess(String permissions, int uid, int gid) {

    public FileAccess {
        if (!permissions.matches("[r-][w-][x-][r-][w-][x-][r-][w-][x-]")) {
            throw new IllegalArgumentException("permissions must look like rw-r-----: " + permissions);
        }
    }

    /** {@code permissions}, owned by alive's own user. */
    public static FileAccess of(String permissions) {
        return new FileAccess(permissions, -1, -1);
    }

    public FileAccess ownedBy(int uid, int gid) {
        return new FileAccess(permissions, uid, gid);
    }
}
