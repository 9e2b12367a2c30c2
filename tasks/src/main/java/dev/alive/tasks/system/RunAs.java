package dev.alive.tasks.system;

import java.util.List;

/**
 * Run a command as another Linux user, by numeric ids. The command is prefixed with {@code setpriv
 * --reuid=<uid> --regid=<gid> --clear-groups --no-new-privs --}: numeric ids work for users that
 * exist only in a prefixed root ({@code useradd --prefix}), and site users have no supplementary
 * groups to initialise. Capabilities are dropped by the uid change; no-new-privs keeps setuid
 * programs from regaining them.
 */
public record RunAs(int uid, int gid) {
    public RunAs {
        if (uid < 0 || gid < 0) {
            throw new IllegalArgumentException("uid and gid must be >= 0: " + uid + ":" + gid);
        }
    }

    /** The argument vector that precedes the command's own. */
    public List<String> prefix() {
        return List.of(Executables.system("setpriv").toString(), "--reuid=" + uid, "--regid=" + gid,
                "--clear-groups", "--no-new-privs", "--");
    }

    @Override
    public String toString() {
        return uid + ":" + gid;
    }
}
