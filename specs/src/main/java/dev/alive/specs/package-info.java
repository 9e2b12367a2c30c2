/** Site specs and host profiles: models, YAML loading with line-numbered errors, built-in hosts. */
package dev.alive.specs;
