/**
 * SLA time: business-hours and 24x7 calendars, due dates counted in the priority's calendar, and pause intervals
 * (time on hold) measured in that same calendar so that due dates move by exactly the paused working time.
 */
package org.incidentflow.sla;
