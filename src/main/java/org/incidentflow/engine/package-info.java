/**
 * Engine plugins of the product: checks on deployed models (400 with line and element for a broken model), form
 * refusals as 400 on the engine and webapp APIs, the guard on variables that mirror the incident record, and the
 * indexes Camunda's schema lacks for the queries this product makes (task parents, job acquisition by due date).
 */
package org.incidentflow.engine;
