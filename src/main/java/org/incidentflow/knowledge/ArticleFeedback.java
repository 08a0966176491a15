package org.incidentflow.knowledge;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One reader's "was this helpful?", once per user and article (unique key in the table). */
@Entity
@Table(name = "knowledge_article_feedback")
public class ArticleFeedback {

	public static final int COMMENT_MAX = 2000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "article_id", nullable = false, updatable = false)
	private Long articleId;

	@Column(name = "user_id", nullable = false, updatable = false, length = 100)
	private String userId;

	@Column(nullable = false, updatable = false)
	private boolean helpful;

	@Column(updatable = false, length = COMMENT_MAX)
	private String comment;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	protected ArticleFeedback() {
	}

	ArticleFeedback(long articleId, String userId, boolean helpful, String comment, Instant now) {
		this.articleId = articleId;
		this.userId = userId;
		this.helpful = helpful;
		this.comment = comment;
		this.createdAt = now;
	}

	public Long getArticleId() { return articleId; }
	public String getUserId() { return userId; }
	public boolean isHelpful() { return helpful; }
	public String getComment() { return comment; }
	public Instant getCreatedAt() { return createdAt; }
}
