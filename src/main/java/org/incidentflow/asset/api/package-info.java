/** The REST API of the configuration-item registry under {@code /api/configuration-items}, with its CSV import. */
package org.incidentflow.asset.api;
