package org.incidentflow.asset;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ConfigurationItemRepository extends JpaRepository<ConfigurationItem, String>,
		JpaSpecificationExecutor<ConfigurationItem> {

	/** The CIs with a relationship to one of the targets: an outage of a target affects them. */
	@Query(value = "select distinct source_id from configuration_item_relationship where target_id in (:targets)",
			nativeQuery = true)
	List<String> findSourcesOf(@Param("targets") Collection<String> targets);

	@Query("select c.id from ConfigurationItem c where c.id in :ids")
	List<String> findExistingIds(@Param("ids") Collection<String> ids);

}
