/**
 * What the server needs beyond the CLI's operations: API tokens ({@link dev.alive.deploy.api.ApiTokenRegistry}),
 * and the web app's deploy-subdomain operation ({@link dev.alive.deploy.api.SubdomainDeploy}) with its
 * slug rules and templates. HTTP stays in the server; the outcomes here carry the contract's error codes.
 */
package dev.alive.deploy.api;
