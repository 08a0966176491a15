package org.incidentflow.chat;

/**
 * The ids of the two buttons of a resolution notice in Slack: the chat channel renders them, the Slack intake acts on
 * them. The button's value is the incident number.
 */
public final class ResolutionButtons {

	public static final String CONFIRM = "confirm_resolution";
	public static final String REJECT = "reject_resolution";

	private ResolutionButtons() {
	}

}
