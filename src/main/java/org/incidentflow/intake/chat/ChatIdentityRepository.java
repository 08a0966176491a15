package org.incidentflow.intake.chat;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ChatIdentityRepository extends JpaRepository<ChatIdentity, Long> {

	Optional<ChatIdentity> findByPlatformAndExternalId(String platform, String externalId);

	List<ChatIdentity> findAllByOrderByIdAsc();

}
