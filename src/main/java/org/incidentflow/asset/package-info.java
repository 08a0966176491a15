/**
 * Assets: the configuration-item registry (a small CMDB). A configuration item (CI) is a business service,
 * application, server, network device, database, laptop, printer ... with the business service it supports, its
 * owner group, its criticality (1 = most critical) and its status; its relationships ("depends on", "runs on") let
 * {@link org.incidentflow.asset.ConfigurationItemRegistry#impactOf(String)} answer which services an outage of it
 * affects. Managed through {@code /api/configuration-items} ({@code asset.api}) and its CSV import; incidents link to
 * a CI by its id. See docs/assets.md.
 */
package org.incidentflow.asset;
