package dev.alive.deploy.legacy;

import java.util.List;
import java.util.Optional;

/** One site block of the Caddyfile, as {@code caddy adapt} shows it: of the as-is shape or not. */
public sealed interface CaddySiteBlock {

    List<String> hosts();

    /**
     * A block that proxies to one local port: {@code reverse_proxy localhost:PORT { header_up ... }},
     * with the snippets' headers and, on newer blocks, {@code handle_path /files/* { root * DIR
     * file_server }}.
     *
     * @param upstream the dial address as written, {@code localhost:3333}
     * @param headerUp the request headers the proxy sets (the hand-kept blocks set only Host and X-Real-Ip)
     * @param filesRoot the root of the {@code /files/*} file server, when the block has one
     */
    record Proxy(List<String> hosts, String upstream, int port, List<String> headerUp, Optional<String> filesRoot)
            implements CaddySiteBlock {
        public Proxy {
            hosts = List.copyOf(hosts);
            headerUp = List.copyOf(headerUp);
        }
    }

    /** A block alive does not know how to take over as it is; {@code reason} says what differs. */
    record Unknown(List<String> hosts, String reason) implements CaddySiteBlock {
        public Unknown {
            hosts = List.copyOf(hosts);
        }
    }
}
