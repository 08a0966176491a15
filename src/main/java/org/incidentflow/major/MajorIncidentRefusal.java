package org.incidentflow.major;

/**
 * A link, unlink or declaration the rules of major incidents refuse (a cycle, a closed parent, ...): the request
 * conflicts with the records' state, an API answers 409 naming {@link #field()}.
 */
public class MajorIncidentRefusal extends RuntimeException {

	private final String field;

	public MajorIncidentRefusal(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return field;
	}

}
