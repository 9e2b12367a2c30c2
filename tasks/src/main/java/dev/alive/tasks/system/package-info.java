/**
 * Adapters to the real system, each small and usable on its own: {@link
 * dev.alive.tasks.system.CommandRunner} (argument vectors over commons-exec, optionally as another
 * Linux user), {@link dev.alive.tasks.system.LinuxUsers}, {@link
 * dev.alive.tasks.system.ProcessService} (detached local processes), {@link
 * dev.alive.tasks.system.SystemdUnit} and {@link dev.alive.tasks.system.SystemdUnits}, {@link
 * dev.alive.tasks.system.CaddyConfig} and {@link dev.alive.tasks.system.Caddy}, {@link
 * dev.alive.tasks.system.HealthCheck}, {@link dev.alive.tasks.system.DnsCheck}, {@link
 * dev.alive.tasks.system.FileOps} and {@link dev.alive.tasks.system.BcryptPasswords}.
 *
 * <p>None of them builds a shell string from outside values: domains, ports and paths travel in
 * argument vectors or the environment. Spec commands ({@code npm run build}) are split by {@link
 * dev.alive.tasks.system.CommandLineSplitter}, the one rule shared by the local runner and the
 * systemd unit's {@code ExecStart}.
 */
package dev.alive.tasks.system;
