/**
 * Knowledge: known errors (the KEDB) and knowledge articles, and the ranked search that suggests them to agents at
 * triage and to requesters in the portal.
 * <p>
 * Other features depend only on the two interfaces here: {@link org.incidentflow.knowledge.KnownErrorRegister}
 * (problem management records the known error of a problem) and {@link org.incidentflow.knowledge.KnowledgeSearch}
 * (the portal and the task forms ask for suggestions). Both are implemented in this package.
 */
package org.incidentflow.knowledge;
