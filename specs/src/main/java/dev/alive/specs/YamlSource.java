package dev.alive.specs;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads one YAML file into a node tree, safely: a size limit checked before parsing, strict UTF-8,
 * few aliases, shallow nesting, and composition only (no object is ever constructed from a tag).
 */
final class YamlSource {

    static final int MAX_BYTES = 1024 * 1024;
    static final int MAX_ALIASES = 10;
    static final int MAX_NESTING = 20;

    private YamlSource() {
    }

    /** The document's root node; empty with no problem added when the file holds no document. */
    static Optional<Node> compose(Path file, Problems problems) {
        Optional<byte[]> bytes = read(file, problems);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> text = decode(bytes.get(), problems);
        return text.isEmpty() ? Optional.empty() : composeText(text.get(), problems);
    }

    private static Optional<byte[]> read(Path file, Problems problems) {
        if (!Files.exists(file)) {
            problems.inFile("no such file; check the path");
        } else if (Files.isDirectory(file)) {
            problems.inFile("is a folder; expected a YAML file");
        } else if (!Files.isRegularFile(file)) {
            problems.inFile("is not a regular file; expected a YAML file");
        } else if (!Files.isReadable(file)) {
            problems.inFile("is not readable by this user; check its permissions");
        } else {
            try {
                long size = Files.size(file);
                if (size > MAX_BYTES) {
                    problems.inFile(tooBig(size));
                    return Optional.empty();
                }
                try (InputStream in = Files.newInputStream(file)) {
                    byte[] bytes = in.readNBytes(MAX_BYTES + 1);
                    if (bytes.length > MAX_BYTES) {
                        problems.inFile(tooBig(bytes.length));
                        return Optional.empty();
                    }
                    return Optional.of(bytes);
                }
            } catch (IOException e) {
                problems.inFile("could not be read: " + e.getClass().getSimpleName() + " " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    private static String tooBig(long size) {
        String shown = size > MAX_BYTES * 2L
                ? String.format(Locale.ROOT, "%.1f MB", size / (double) MAX_BYTES)
                : size + " bytes";
        return "file is " + shown + "; spec and host files are limited to 1 MB (" + MAX_BYTES
                + " bytes); is this the right file?";
    }

    private static Optional<String> decode(byte[] bytes, Problems problems) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            problems.at(line, offset - lineStart + 1, String.format(Locale.ROOT,
                    "file is not UTF-8 text (byte 0x%02x); save it as UTF-8", bytes[offset] & 0xff));
            return Optional.empty();
        }
        try {
            decoder.flush(out);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("UTF-8 decoder misuse", e);
        }
        out.flip();
        return Optional.of(out.toString());
    }

    static Optional<Node> composeText(String text, Problems problems) {
        LoaderOptions options = options();
        Parser parser = new ParserImpl(new StreamReader(new StringReader(text)), options);
        try {
            return Optional.ofNullable(new Composer(parser, new Resolver(), options).getSingleNode());
        } catch (MarkedYAMLException e) {
            problems.at(e.getProblemMark(), YamlErrors.syntax(e));
        } catch (ReaderException e) {
            int[] place = lineAndColumn(text, e.getPosition());
            problems.at(place[0], place[1], String.format(Locale.ROOT,
                    "character U+%04X is not allowed in YAML; remove it", e.getCodePoint()));
        } catch (YAMLException e) {
            problems.at(markNear(parser), YamlErrors.limit(e));
        }
        return Optional.empty();
    }

    static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_BYTES);
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        return options;
    }

    private static Mark markNear(Parser parser) {
        try {
            return parser.peekEvent().getStartMark();
        } catch (YAMLException e) {
            return null;
        }
    }

    private static int[] lineAndColumn(String text, int codePointIndex) {
        int line = 1;
        int column = 1;
        int seen = 0;
        for (int i = 0; i < text.length() && seen < codePointIndex; i += Character.charCount(text.codePointAt(i))) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            seen++;
        }
        return new int[] {line, column};
    }
}
