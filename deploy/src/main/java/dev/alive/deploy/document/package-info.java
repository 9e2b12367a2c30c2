/** The JSON documents (formatVersion 1) the CLI and the server print, as records. */
package dev.alive.deploy.document;
