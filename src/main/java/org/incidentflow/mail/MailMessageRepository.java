package org.incidentflow.mail;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface MailMessageRepository extends JpaRepository<MailMessage, Long> {

	Optional<MailMessage> findByMessageId(String messageId);

	boolean existsByMessageId(String messageId);

	List<MailMessage> findByMessageIdInAndIncidentIdNotNull(Collection<String> messageIds);

	Optional<MailMessage> findFirstByIncidentIdOrderByAtAscIdAsc(Long incidentId);

}
