/** The root exception every operator-facing failure extends, and its categories. */
package dev.alive.engine.error;
