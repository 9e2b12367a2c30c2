/**
 * The Host port: {@link dev.alive.tasks.host.Machine}, the one interface through which site tasks
 * reach a machine (files, commands as a user, users, services, proxy, HTTP to the apps, DNS), and
 * {@link dev.alive.tasks.host.LocalMachine}, this machine behind it. A remote (SSH) machine will be
 * a second implementation; {@code MachineContract} in the tests says what every one must do.
 */
package dev.alive.tasks.host;
