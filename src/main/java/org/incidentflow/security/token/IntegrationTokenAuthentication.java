package org.incidentflow.security.token;

import java.util.List;

import org.incidentflow.identity.AccessGroups;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request authenticated by an integration token: the technical identity {@code integration:<name>} in the group
 * {@code integrations} (authorities are group ids, as for Camunda users), nothing else.
 */
public class IntegrationTokenAuthentication extends AbstractAuthenticationToken {

	private final String principal;
	private final long tokenId;

	IntegrationTokenAuthentication(IntegrationToken token) {
		super(List.of(new SimpleGrantedAuthority(AccessGroups.INTEGRATIONS)));
		this.principal = token.principal();
		this.tokenId = token.getId();
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public Object getPrincipal() {
		return principal;
	}

	public long tokenId() {
		return tokenId;
	}

}
