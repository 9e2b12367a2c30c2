package dev.alive.specs;

import java.io.StringReader;
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
 * Reads one YAML file into a node tree, safely: the text comes from {@link SpecText} (size limit,
 * strict UTF-8); then few aliases, shallow nesting, and composition only (no object is ever
 * constructed from a tag).
 */
final class YamlSource {

    static final int MAX_ALIASES = 10;
    static final int MAX_NESTING = 20;

    private YamlSource() {
    }

    /** The document's root node; empty with no problem added when the file holds no document. */
    static Optional<Node> compose(Path file, Problems problems) {
        return SpecText.read(file, problems).flatMap(text -> composeText(text, problems));
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
        options.setCodePointLimit(SpecText.MAX_BYTES);
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
