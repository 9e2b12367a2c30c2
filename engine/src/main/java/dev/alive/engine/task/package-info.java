/**
 * The task SPI: what a unit of work implements ({@link dev.alive.engine.task.Task} with its
 * {@link dev.alive.engine.task.Input}s and {@link dev.alive.engine.task.Output}s) and what it sees
 * while it runs or is undone ({@link dev.alive.engine.task.TaskContext},
 * {@link dev.alive.engine.task.UndoContext}, its committed {@link dev.alive.engine.task.TaskState}).
 * Depends on nothing else of the engine but its error root.
 */
package dev.alive.engine.task;
