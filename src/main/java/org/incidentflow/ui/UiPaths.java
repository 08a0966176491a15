package org.incidentflow.ui;

import java.util.List;

/**
 * The paths of the server-rendered pages, defined once for the security chain and the pages. A new feature's pages
 * go under a prefix of their own listed in {@link #PAGES}.
 */
public final class UiPaths {

	/** Sends each user where they belong ({@link Navigation#home}); not signed in: to the sign-in form. */
	public static final String ROOT = "/";
	public static final String LOGIN = "/login";
	public static final String LOGOUT = "/logout";
	public static final String FORBIDDEN = "/ui/forbidden";

	/** Pages that need a signed-in user (their own rules, e.g. which groups, are in WebSecurityConfig). */
	public static final List<String> PAGES = List.of("/reports", "/reports/**", "/portal", "/portal/**");

	/** Stylesheets, scripts and libraries from WebJars the pages load; public, the login page needs them. */
	public static final List<String> ASSETS = List.of("/ui/**", "/webjars/echarts/**", "/webjars/htmx.org/**");

	private UiPaths() {
	}

}
