package dev.alive.deploy.legacy;

import java.util.List;
import java.util.Optional;

/** A site that is not taken over, with every disagreement among its sources. */
public record Refusal(String name, Optional<String> slug, List<Disagreement> disagreements) implements JoinedSite {
    public Refusal {
        disagreements = List.copyOf(disagreements);
        if (disagreements.isEmpty()) {
            throw new IllegalArgumentException("a refusal needs a disagreement: " + name);
        }
    }
}
