/**
 * Reliability suite (issue 6): every task's failure is undone, every failing undo is reported and
 * finished by the next apply, every crash is recovered, and input the rest of the system must
 * refuse is refused without a trace. The tests compare whole-world snapshots ({@link
 * dev.alive.tasks.reliability.World}) taken before and after.
 */
package dev.alive.deploy.reliability;
