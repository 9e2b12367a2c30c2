/** The alive command line: thin picocli commands over deploy's operations, and their terminal rendering. */
package dev.alive.cli;
