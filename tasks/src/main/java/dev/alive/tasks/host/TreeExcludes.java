package dev.alive.tasks.host;

import java.util.Set;

/**
 * What a tree copy leaves out: any file or folder whose name is in {@code namesAnywhere} (e.g.
 * node_modules, .git), and the paths in {@code topLevelPaths} (e.g. dist) from the tree's top.
 */
public record TreeExcludes(Set<String> namesAnywhere, Set<String> topLevelPaths) {

    public TreeExcludes {
        namesAnywhere = Set.copyOf(namesAnywhere);
        topLevelPaths = Set.copyOf(topLevelPaths);
    }
}
