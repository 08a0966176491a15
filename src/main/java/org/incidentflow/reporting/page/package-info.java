/** The {@code /reports} page (server-rendered with the shared layout of {@code org.incidentflow.ui}) and its CSV downloads. */
package org.incidentflow.reporting.page;
