/**
 * The alive engine: tasks, the graph, fingerprints, up-to-date checks, the executor with its
 * reverse undo walk, plan, locks and crash recovery. Knows nothing of sites, SQL or YAML.
 */
package dev.alive.engine;
