/**
 * Local identity: the signing key the local HTTP API trusts and the issuer of tokens for a tenant, standing in for
 * the identity provider the JWT authorizer trusts in AWS.
 */
package dev.catalog.local.auth;
