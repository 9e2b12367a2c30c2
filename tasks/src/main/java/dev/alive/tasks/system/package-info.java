/**
 * Adapters to the real system, each small and usable on its own:
 * <ul>
 *   <li>{@link dev.alive.tasks.system.LocalCommandRunner} runs a {@link dev.alive.tasks.system.Command}
 *       (argument vector, clean environment, optional {@link dev.alive.tasks.system.RunAs}) over
 *       commons-exec; {@link dev.alive.tasks.system.CommandRunner} is the seam for fakes;</li>
 *   <li>{@link dev.alive.tasks.system.CommandLineSplitter} turns a spec command into an argument
 *       vector, the one rule shared by the local runner and the systemd unit's ExecStart;</li>
 *   <li>{@link dev.alive.tasks.system.LinuxUsers}: site users through useradd/userdel;</li>
 *   <li>{@link dev.alive.tasks.system.ProcessService}: detached local processes with pid files;</li>
 *   <li>{@link dev.alive.tasks.system.SystemdUnit} renders a hardened unit,
 *       {@link dev.alive.tasks.system.SystemdUnits} checks, installs and drives it;</li>
 *   <li>{@link dev.alive.tasks.system.CaddyConfig} renders Caddyfiles,
 *       {@link dev.alive.tasks.system.Caddy} validates, reloads, starts and stops Caddy;</li>
 *   <li>{@link dev.alive.tasks.system.HealthCheck}, {@link dev.alive.tasks.system.DnsCheck},
 *       {@link dev.alive.tasks.system.BcryptPasswords};</li>
 *   <li>{@link dev.alive.tasks.system.FileOps} and {@link dev.alive.tasks.system.FileTrees}: atomic
 *       writes and symlink swaps, tree copies, deletes and ownership.</li>
 * </ul>
 * None of them builds a shell string from outside values: domains, ports and paths travel in
 * argument vectors, the environment, or checked values in rendered files.
 */
package dev.alive.tasks.system;
