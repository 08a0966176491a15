package org.incidentflow.chat;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ChatConversationRepository extends JpaRepository<ChatConversation, Long> {

	List<ChatConversation> findByIncidentNumber(String incidentNumber);

	Optional<ChatConversation> findByIncidentNumberAndPlatform(String incidentNumber, ChatPlatform platform);

}
