package org.incidentflow.knowledge;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ArticleRevisionRepository extends JpaRepository<ArticleRevision, Long> {

	List<ArticleRevision> findByArticleIdOrderByRevisionDesc(long articleId);
}
