package dev.alive.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void writesCompactJson() {
        var map = new LinkedHashMap<String, Object>();
        map.put("a", "x\"y\\z\n\t\u0001");
        map.put("n", 42L);
        map.put("list", List.of("p", true));
        map.put("none", null);
        map.put("empty", Map.of());
        assertThat(Json.write(map)).isEqualTo("{\"a\":\"x\\\"y\\\\z\\n\\t\\u0001\",\"n\":42,\"list\":[\"p\",true],\"none\":null,\"empty\":{}}");
    }

    @Test
    void readsWhatItWrites() {
        var map = new LinkedHashMap<String, Object>();
        map.put("ünï ✓ 😀", List.of("", "a b", List.of(), -7L, false));
        map.put("lone surrogate", "x\uD800y");
        map.put("nul", "a\u0000b");
        map.put("nested", Map.of("k", Map.of("v", "w")));
        assertThat(Json.parse(Json.write(map))).isEqualTo(map);
    }

    @Test
    void readsRandomStringsBackUnchanged() {
        var random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            char[] chars = new char[random.nextInt(12)];
            Arrays.setAll(new Object[chars.length], j -> chars[j] = (char) random.nextInt(0x10000));
            String text = new String(chars);
            assertThat(Json.parse(Json.write(List.of(text)))).isEqualTo(List.of(text));
        }
    }

    @Test
    void readsWhitespaceAndEscapesOfOtherWriters() {
        assertThat(Json.parse(" { \"a\" : [ 1 , \"\\u00e9\\/\" ] } ")).isEqualTo(Map.of("a", List.of(1L, "é/")));
    }

    @Test
    void refusesBrokenText() {
        for (String broken : List.of("", "{", "[1,", "\"open", "{\"a\" 1}", "tru", "{} x", "-")) {
            assertThatThrownBy(() -> Json.parse(broken)).as(broken).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
