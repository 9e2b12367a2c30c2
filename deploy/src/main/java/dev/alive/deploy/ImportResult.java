package dev.alive.deploy;

import java.nio.file.Path;
import java.util.List;

/**
 * What an import did, one row per site of the legacy server (sorted by name). Only
 * {@link Adopted} and {@link AlreadyAdopted} (and, in a dry run, {@link WouldAdopt}) are sites
 * alive now keeps; {@link #complete()} is true when every row is one of them.
 */
public record ImportResult(boolean dryRun, List<Row> sites) {
    public ImportResult {
        sites = List.copyOf(sites);
    }

    public boolean complete() {
        return sites.stream().allMatch(row -> row instanceof Adopted || row instanceof AlreadyAdopted
                || row instanceof WouldAdopt);
    }

    /** One site of the import. */
    public sealed interface Row {
        String name();
    }

    /** Adopted by this import: the spec written, the run (kind adopt) committed. */
    public record Adopted(String name, Path spec, String runId) implements Row {
    }

    /** Adopted before, its spec and committed state as this import would make them: nothing done. */
    public record AlreadyAdopted(String name, Path spec) implements Row {
    }

    /** A dry run's answer for a site whose sources agree: this import would adopt it. */
    public record WouldAdopt(String name, Path spec) implements Row {
    }

    /** Not adopted: its sources disagree (each reason names them), or it is not on the server. */
    public record Refused(String name, List<String> reasons) implements Row {
        public Refused {
            reasons = List.copyOf(reasons);
        }
    }

    /** Its spec in the out folder differs from what the server says (edited since): left as it is, not adopted. */
    public record Kept(String name, Path spec, String reason) implements Row {
    }

    /** The adoption run failed (and was undone): nothing of the site is committed. */
    public record Failed(String name, String message) implements Row {
    }
}
