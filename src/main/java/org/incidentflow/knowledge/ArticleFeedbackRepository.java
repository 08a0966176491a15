package org.incidentflow.knowledge;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ArticleFeedbackRepository extends JpaRepository<ArticleFeedback, Long> {

	boolean existsByArticleIdAndUserId(long articleId, String userId);
}
