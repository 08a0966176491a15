package org.incidentflow.problem;

import org.incidentflow.knowledge.ProblemRecords;
import org.springframework.stereotype.Component;

/** Answers the known-error database's question whether a problem number names a real problem. */
@Component
class ProblemRecordsLookup implements ProblemRecords {

	private final ProblemRepository problems;

	ProblemRecordsLookup(ProblemRepository problems) {
		this.problems = problems;
	}

	@Override
	public boolean exists(String problemNumber) {
		return problems.findByNumber(problemNumber).isPresent();
	}

}
