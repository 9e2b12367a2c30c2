package dev.alive.specs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The JSON Schema editors use must list exactly the keys the loader accepts, mapping by mapping. */
class SchemaMatchesLoaderTest {

    @ParameterizedTest
    @CsvSource({"site.schema.json, Site", "host.schema.json, Host"})
    void schemaPropertiesAreTheKeysTheLoaderAccepts(String schemaFile, String kind) throws Exception {
        Map<String, Object> schema = schema(schemaFile);
        SpecKeys.Shape shape = kind.equals("Site") ? SpecKeys.SITE : SpecKeys.HOST;

        Map<String, java.util.List<String>> inSchema = new TreeMap<>();
        collect(schema, "", inSchema);

        assertThat(inSchema).isEqualTo(new TreeMap<>(shape.keysByPath()));
        assertThat(((Map<?, ?>) schema.get("properties")).get("kind")).isEqualTo(Map.of("const", kind));
    }

    @ParameterizedTest
    @CsvSource({"site.schema.json", "host.schema.json"})
    void editorsFindTheSchemaInTheSpecsFolder(String schemaFile) throws Exception {
        Path forEditors = Path.of("schema", schemaFile);

        assertThat(Files.readString(forEditors)).isEqualTo(resource(schemaFile));
        assertThat(schema(schemaFile)).containsEntry("$schema", "https://json-schema.org/draft/2020-12/schema");
    }

    @org.junit.jupiter.api.Test
    void theExampleNamesTheSchemaForItsEditor() throws Exception {
        Path example = Path.of("examples/hello/site.yaml");
        String firstLine = Files.readAllLines(example).get(0);

        assertThat(firstLine).startsWith("# yaml-language-server: $schema=");
        assertThat(example.getParent().resolve(firstLine.substring(firstLine.indexOf('=') + 1))).isRegularFile();
    }

    /** Every object with "properties", by key path; free-form mappings (app.env) have none. */
    @SuppressWarnings("unchecked")
    private static void collect(Map<String, Object> node, String path, Map<String, java.util.List<String>> out) {
        Object properties = node.get("properties");
        if (!(properties instanceof Map)) {
            return;
        }
        Map<String, Object> byName = (Map<String, Object>) properties;
        assertThat(node.get("additionalProperties")).as("additionalProperties of '%s'", path).isEqualTo(Boolean.FALSE);
        out.put(path, java.util.List.copyOf(byName.keySet()));
        byName.forEach((name, child) -> {
            if (child instanceof Map) {
                collect((Map<String, Object>) child, path.isEmpty() ? name : path + "." + name, out);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> schema(String file) throws Exception {
        return (Map<String, Object>) TinyJson.parse(resource(file));
    }

    private static String resource(String file) throws Exception {
        try (InputStream in = SchemaMatchesLoaderTest.class.getResourceAsStream("/schema/" + file)) {
            assertThat(in).as("schema/%s on the classpath", file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
