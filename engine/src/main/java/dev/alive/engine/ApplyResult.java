package dev.alive.engine;

import dev.alive.engine.store.RunOutcome;
import java.util.List;
import java.util.Optional;

/** The outcome of an apply, unit by unit (in unit order). */
public record ApplyResult(List<UnitResult> units) {

    public ApplyResult {
        units = List.copyOf(units);
    }

    /** True when every unit ran and committed. */
    public boolean succeeded() {
        return units.stream().allMatch(unit -> unit instanceof UnitResult.Finished finished
                && finished.outcome() == RunOutcome.SUCCEEDED);
    }

    /** True when some unit's rollback (or a recovery) left something behind for the operator. */
    public boolean rollbackIncomplete() {
        return finished().stream().anyMatch(unit -> unit.outcome() == RunOutcome.ROLLBACK_INCOMPLETE
                || unit.recovered().stream().anyMatch(run -> run.outcome() == RunOutcome.ROLLBACK_INCOMPLETE));
    }

    /** True when some unit was refused because another run holds its lock. */
    public boolean anyLocked() {
        return units.stream().anyMatch(UnitResult.Locked.class::isInstance);
    }

    public List<UnitResult.Finished> finished() {
        return units.stream()
                .filter(UnitResult.Finished.class::isInstance)
                .map(UnitResult.Finished.class::cast)
                .toList();
    }

    public Optional<UnitResult> unit(String name) {
        return units.stream().filter(unit -> unit.unit().equals(name)).findFirst();
    }
}
