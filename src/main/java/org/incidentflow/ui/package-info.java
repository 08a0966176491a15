/**
 * The shared foundation of the product's own server-rendered pages ({@code /reports}, later the requester portal
 * {@code /portal}): one look and one login. Thymeleaf templates use the layout fragments of
 * {@code templates/ui/layout.html} and the stylesheet {@code /ui/incidentflow.css} (both in the jar); users log in
 * with a form at {@link UiPaths#LOGIN} against the Camunda identity service (HTTP session, CSRF token on every form);
 * the security chain is {@code WebSecurityConfig#uiSecurity}. A page controller is annotated {@link UiPage} to get
 * the signed-in user and the navigation ({@link Navigation}) into its model. docs/ui.md tells how to add a page.
 */
package org.incidentflow.ui;
