/**
 * The knowledge API: {@code /api/known-errors}, {@code /api/knowledge/articles}, {@code /api/knowledge/search}, and
 * at the incident {@code /api/incidents/{number}/suggestions} and {@code /applied-knowledge}. Controllers and the
 * shapes they read and write; the rules are in {@link org.incidentflow.knowledge}.
 */
package org.incidentflow.knowledge.api;
