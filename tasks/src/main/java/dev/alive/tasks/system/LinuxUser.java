package dev.alive.tasks.system;

import java.nio.file.Path;

/** A Linux user as its passwd line shows it. */
public record LinuxUser(String name, int uid, int gid, Path home, String shell) {

    /** How to run a command as this user. */
    public RunAs runAs() {
        return new RunAs(uid, gid);
    }
}
