package org.incidentflow.intake.chat;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ChatUserEmailRepository extends JpaRepository<ChatUserEmail, Long> {

	Optional<ChatUserEmail> findByPlatformAndExternalId(String platform, String externalId);

}
