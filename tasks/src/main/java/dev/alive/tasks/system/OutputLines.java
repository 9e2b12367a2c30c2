package dev.alive.tasks.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.apache.commons.exec.LogOutputStream;

/** Turns a command's output bytes into UTF-8 lines for a sink. */
final class OutputLines extends LogOutputStream {
    private final Consumer<String> sink;

    OutputLines(Consumer<String> sink) {
        super(0, StandardCharsets.UTF_8);
        this.sink = sink;
    }

    @Override
    protected void processLine(String line, int level) {
        sink.accept(line);
    }

    @Override
    public void close() {
        try {
            super.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
