package dev.alive.deploy;

import dev.alive.specs.Site;
import java.util.List;

/** What {@link HostOperations#plan} plans: the sites (read by {@link SpecSet}), and the owner's password if given. */
public record PlanRequest(List<Site> sites, PasswordSource password) {
    public PlanRequest {
        sites = List.copyOf(sites);
    }
}
