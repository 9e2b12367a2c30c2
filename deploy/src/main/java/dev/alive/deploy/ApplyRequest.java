package dev.alive.deploy;

import dev.alive.engine.ApplyOptions;
import dev.alive.specs.Site;
import java.util.List;

/** What {@link HostOperations#apply} applies: the sites, where a new owner's password comes from, and how. */
public record ApplyRequest(List<Site> sites, PasswordSource password, ApplyOptions options) {
    public ApplyRequest {
        sites = List.copyOf(sites);
    }
}
