package org.incidentflow.knowledge;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;

public interface KnowledgeArticleRepository extends JpaRepository<KnowledgeArticle, Long> {

	Optional<KnowledgeArticle> findByNumber(String number);

	/** Serialises changes of one article (a new revision, a publication) across nodes. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from KnowledgeArticle a where a.number = ?1")
	Optional<KnowledgeArticle> lockByNumber(String number);

	List<KnowledgeArticle> findAllByOrderByNumberDesc();

	List<KnowledgeArticle> findByStateAndAudienceOrderByNumberDesc(ArticleState state, Audience audience);

	/** One statement, so that views counted on several nodes at once are all counted. */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update KnowledgeArticle a set a.viewCount = a.viewCount + 1 where a.id = ?1")
	int countView(long id);

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update KnowledgeArticle a set a.helpfulCount = a.helpfulCount + 1 where a.id = ?1")
	int countHelpful(long id);

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update KnowledgeArticle a set a.unhelpfulCount = a.unhelpfulCount + 1 where a.id = ?1")
	int countUnhelpful(long id);

	@Query(value = "select nextval('knowledge_article_seq')", nativeQuery = true)
	long nextNumber();
}
