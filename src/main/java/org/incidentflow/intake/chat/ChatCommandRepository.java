package org.incidentflow.intake.chat;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ChatCommandRepository extends JpaRepository<ChatCommand, Long> {

	Optional<ChatCommand> findByPlatformAndRequestKey(String platform, String requestKey);

}
