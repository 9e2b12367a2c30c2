package dev.alive.deploy.api;

/** The error codes of the web app's deploy-subdomain contract (the server maps each to its HTTP status). */
public enum SubdomainError {
    INVALID_REQUEST, UNAUTHORIZED, ORG_ACCESS_DENIED, SITE_LIMIT_EXCEEDED, SLUG_TAKEN, DEPLOYMENT_IN_PROGRESS,
    DEPLOYMENT_TIMED_OUT, DEPLOYMENT_FAILED
}
