package dev.alive.deploy.document;

/**
 * A JSON document alive prints (the CLI's {@code --json}, the server's answers): a record whose
 * components are the document's fields, in order. {@link JsonDocuments} writes it, with
 * {@code formatVersion} first.
 */
public interface Document {
}
