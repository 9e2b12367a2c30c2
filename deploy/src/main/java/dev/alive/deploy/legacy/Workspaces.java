package dev.alive.deploy.legacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The entries of the sites roots ({@code /srv/webalive/sites}, and {@code /root/webalive/sites}
 * on older servers): folders are workspaces named by domain, symlinks are slug links.
 */
public final class Workspaces {

    /** Both, in the order of the roots, then by name. */
    public record Found(List<Workspace> workspaces, List<SlugLink> links) {
        public Found {
            workspaces = List.copyOf(workspaces);
            links = List.copyOf(links);
        }
    }

    private Workspaces() {
    }

    public static Found read(List<Path> sitesRoots, SystemAccounts accounts) {
        List<Workspace> workspaces = new ArrayList<>();
        List<SlugLink> links = new ArrayList<>();
        for (Path root : sitesRoots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> entries = Files.list(root)) {
                for (Path entry : entries.sorted().toList()) {
                    String name = entry.getFileName().toString();
                    if (Files.isSymbolicLink(entry)) {
                        links.add(new SlugLink(name, entry,
                                entry.getParent().resolve(Files.readSymbolicLink(entry)).normalize()));
                    } else if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                        FileFacts facts = FileFacts.of(entry);
                        workspaces.add(new Workspace(name, entry, facts.mode(), accounts.userName(facts.uid()),
                                Files.isDirectory(entry.resolve("user"))));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + root, e);
            }
        }
        return new Found(workspaces, links);
    }
}
