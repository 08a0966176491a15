package org.incidentflow.intake.alert;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface MonitoringAlertRepository extends JpaRepository<MonitoringAlert, Long> {

	Optional<MonitoringAlert> findBySourceAndFingerprintAndStartsAt(String source, String fingerprint, Instant startsAt);

	List<MonitoringAlert> findByIncidentIdOrderByIdAsc(Long incidentId);

	long countByIncidentIdAndStatus(Long incidentId, String status);

}
