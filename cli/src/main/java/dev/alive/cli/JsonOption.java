package dev.alive.cli;

import dev.alive.deploy.document.Document;
import dev.alive.deploy.document.JsonDocuments;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** {@code --json}, shared by every command that can print its result as a document. */
final class JsonOption {

    @Option(names = "--json", description = "Print one JSON document (formatVersion 1), and nothing else.")
    boolean json;

    boolean wanted() {
        return json;
    }

    /** Prints the document (Jackson is loaded here, only when --json is asked for). */
    static void print(Document document, PrintWriter out) {
        out.println(JsonDocuments.write(document));
        out.flush();
    }
}
