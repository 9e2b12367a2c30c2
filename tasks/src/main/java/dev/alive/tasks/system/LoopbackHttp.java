package dev.alive.tasks.system;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/** {@link SiteHttp} on this machine: the apps listen on 127.0.0.1. */
public final class LoopbackHttp implements SiteHttp {

    @Override
    public String authority(int port) {
        return "127.0.0.1:" + port;
    }

    @Override
    public int status(int port, String path, Duration timeout) throws IOException {
        return LocalHttp.get(URI.create("http://" + authority(port) + path), timeout, false).status();
    }
}
