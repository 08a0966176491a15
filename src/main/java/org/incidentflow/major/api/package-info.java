/**
 * The HTTP API of major incidents: declare, link and unlink children (agents only; restricted incidents as the
 * incident API decides, IncidentSearch.visible), and the major incident's workbench view.
 */
package org.incidentflow.major.api;
