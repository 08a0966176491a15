/**
 * What every HTTP door shares: RFC 9457 problem details for bad input ({@link org.incidentflow.web.ApiProblems}),
 * strict JSON reading (duplicate keys, wrong types, U+0000), known query parameters, content-type and engine-API text
 * checks, Tomcat's own errors as problems, and the OpenAPI description of {@code /api}.
 */
package org.incidentflow.web;
