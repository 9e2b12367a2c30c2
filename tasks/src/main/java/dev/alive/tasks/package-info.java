/** The tasks of a site and the compiler from a Site and a Host to an engine task graph. */
package dev.alive.tasks;
