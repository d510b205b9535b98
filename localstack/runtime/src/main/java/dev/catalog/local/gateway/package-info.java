/**
 * The local HTTP API: API Gateway's HTTP API behaviour in front of the function host. Route selection, the JWT
 * authorizer, payload format 2.0 events and responses, API Gateway's own error answers, its request ids and limits.
 * {@link dev.catalog.local.gateway.LocalHttpApi} serves a {@link dev.catalog.local.gateway.RouteTable}.
 */
package dev.catalog.local.gateway;
