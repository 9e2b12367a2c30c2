/** Adopting a legacy server: the specs of its sites (layout as-is) and the ADOPT runs. */
package dev.alive.deploy.adopt;
