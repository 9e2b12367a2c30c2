package dev.alive.deploy.legacy;

/** One domain of a legacy server after the join: a {@link LegacySite} or a {@link Refusal}. */
public sealed interface JoinedSite permits LegacySite, Refusal {

    /** The domain, or the unit's name for a unit whose domain is unknown. */
    String name();
}
