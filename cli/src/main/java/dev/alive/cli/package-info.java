/** The alive command line: thin picocli commands over the task and engine layers. */
package dev.alive.cli;
