package org.incidentflow.identity;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.identity.db.DbUserQueryImpl;

/**
 * The engine's database identity provider, refusing to leave {@code camunda-admin} without a member
 * (CVE-2026-77226: the Admin setup endpoint creates an administrator for anyone while the group is empty). Guards
 * every way out: removing the membership, deleting the user, deleting the group. Installed by
 * {@link LastAdministratorGuardPlugin}, so it holds for the Admin webapp, the engine REST API and Java code alike.
 */
public class LastAdministratorGuard extends DbIdentityServiceProvider {

	static final String REFUSED = "camunda-admin must keep at least one member: add another administrator first";

	@Override
	public IdentityOperationResult deleteMembership(String userId, String groupId) {
		// permission first: who may not remove memberships learns nothing about the administrators
		checkAuthorization(Permissions.DELETE, Resources.GROUP_MEMBERSHIP, groupId);
		if (AccessGroups.ADMINS.equals(groupId) && isOnlyAdministrator(userId)) {
			throw new BadUserRequestException(REFUSED);
		}
		return super.deleteMembership(userId, groupId);
	}

	@Override
	public IdentityOperationResult deleteUser(String userId) {
		checkAuthorization(Permissions.DELETE, Resources.USER, userId);
		if (isOnlyAdministrator(userId)) {
			throw new BadUserRequestException(REFUSED);
		}
		return super.deleteUser(userId);
	}

	@Override
	public IdentityOperationResult deleteGroup(String groupId) {
		checkAuthorization(Permissions.DELETE, Resources.GROUP, groupId);
		if (AccessGroups.ADMINS.equals(groupId)) {
			throw new BadUserRequestException("camunda-admin cannot be deleted");
		}
		return super.deleteGroup(groupId);
	}

	private boolean isOnlyAdministrator(String userId) {
		// count every member, whatever the caller may read
		return Context.getCommandContext().runWithoutAuthorization(() -> {
			if (!existsMembership(userId, AccessGroups.ADMINS)) {
				return false;
			}
			DbUserQueryImpl members = new DbUserQueryImpl();
			members.memberOfGroup(AccessGroups.ADMINS);
			return findUserCountByQueryCriteria(members) <= 1;
		});
	}

}
