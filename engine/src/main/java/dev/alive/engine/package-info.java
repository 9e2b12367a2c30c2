/**
 * The engine's API: {@link dev.alive.engine.Engine} (the one entry point: plan, apply, destroy),
 * {@link dev.alive.engine.TaskGraph}, the options, results and plans, and
 * {@link dev.alive.engine.RunListener}. Tasks are written against {@link dev.alive.engine.task};
 * stores implement {@link dev.alive.engine.store}. Everything else here is package-private
 * machinery: one run lifecycle ({@code RunLifecycle}) that every run kind goes through, with an
 * apply body (the scheduler of up-to-date checks and tasks) and a destroy body (the reverse walk),
 * and one journaled sequence per task. Knows nothing of sites, SQL or YAML.
 */
package dev.alive.engine;
