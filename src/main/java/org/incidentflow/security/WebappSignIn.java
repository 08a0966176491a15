package org.incidentflow.security;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * One sign-in for the product's pages and the Camunda webapps: after a successful form login at {@code /login} the
 * same HTTP session also carries the webapps' own authentication, so an agent sent on to Tasklist is not asked for
 * the password a second time. Both live in the one (database-backed) session, so signing out of either ends both.
 * <p>
 * The webapps' record is built by Camunda's own {@link AuthenticationUtil#createAuthentication}, which also works out
 * which webapps the user may open from the engine's application authorizations: a requester signed in here gets no
 * Tasklist access from it.
 */
final class WebappSignIn {

	private final ProcessEngine processEngine;

	WebappSignIn(ProcessEngine processEngine) {
		this.processEngine = processEngine;
	}

	void signIn(HttpServletRequest request, String userId) {
		UserAuthentication authentication = AuthenticationUtil.createAuthentication(processEngine, userId);
		if (authentication == null) {
			// a user that the identity service does not know: the product's login could not have let it in either
			return;
		}
		var session = request.getSession();
		Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
		authentications.addOrReplace(authentication);
		AuthenticationUtil.updateSession(session, authentications);
	}

}
