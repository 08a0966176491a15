package org.incidentflow.identity;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.springframework.stereotype.Component;

/**
 * Grants permissions to groups idempotently: an existing grant for the same group and resource is extended, never
 * duplicated, so start-up can run it every time.
 */
@Component
public class AuthorizationGrants {

	private final AuthorizationService authorizationService;

	public AuthorizationGrants(AuthorizationService authorizationService) {
		this.authorizationService = authorizationService;
	}

	public void grantGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
		List<Authorization> existing = authorizationService.createAuthorizationQuery()
				.authorizationType(Authorization.AUTH_TYPE_GRANT)
				.groupIdIn(groupId)
				.resourceType(resource)
				.resourceId(resourceId)
				.list();
		Authorization grant;
		if (existing.isEmpty()) {
			grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			grant.setGroupId(groupId);
			grant.setResource(resource);
			grant.setResourceId(resourceId);
		}
		else {
			grant = existing.get(0);
		}
		boolean changed = existing.isEmpty();
		for (Permission permission : permissions) {
			if (!grant.isPermissionGranted(permission)) {
				grant.addPermission(permission);
				changed = true;
			}
		}
		if (changed) {
			authorizationService.saveAuthorization(grant);
		}
	}

	/**
	 * Withdraws a grant an earlier version of the product gave (idempotent: nothing to withdraw is fine), so that an
	 * existing installation ends up with the same permissions as a new one.
	 */
	public void revokeGroup(String groupId, Resource resource, String resourceId) {
		authorizationService.createAuthorizationQuery()
				.authorizationType(Authorization.AUTH_TYPE_GRANT)
				.groupIdIn(groupId)
				.resourceType(resource)
				.resourceId(resourceId)
				.list()
				.forEach(grant -> authorizationService.deleteAuthorization(grant.getId()));
	}

	/**
	 * Removes single permissions from a group's grant (idempotent), keeping the others: for a right an earlier
	 * version granted together with rights that stay.
	 */
	public void withdrawPermissions(String groupId, Resource resource, String resourceId, Permission... permissions) {
		for (Authorization grant : authorizationService.createAuthorizationQuery()
				.authorizationType(Authorization.AUTH_TYPE_GRANT)
				.groupIdIn(groupId)
				.resourceType(resource)
				.resourceId(resourceId)
				.list()) {
			boolean changed = false;
			for (Permission permission : permissions) {
				if (grant.isPermissionGranted(permission)) {
					grant.removePermission(permission);
					changed = true;
				}
			}
			if (changed) {
				authorizationService.saveAuthorization(grant);
			}
		}
	}

}
