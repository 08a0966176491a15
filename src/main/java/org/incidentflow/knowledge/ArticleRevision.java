package org.incidentflow.knowledge;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One revision of an article. Revision 1 is the first draft; editing a published article opens the next revision as
 * a draft. At most one revision of an article is pending (draft or in review) at a time; published revisions become
 * {@code superseded} when a newer one is published and stay listed.
 */
@Entity
@Table(name = "knowledge_article_revision")
public class ArticleRevision {

	/** What an author writes. */
	public record Content(String title, String body, String service, String category, Audience audience) {
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "article_id", nullable = false, updatable = false)
	private Long articleId;

	@Column(nullable = false, updatable = false)
	private int revision;

	@Column(nullable = false, length = KnowledgeArticle.TITLE_MAX)
	private String title;

	@Column(nullable = false, length = KnowledgeArticle.BODY_MAX)
	private String body;

	@Column(length = 100)
	private String service;

	@Column(length = 100)
	private String category;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private Audience audience;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private ArticleState state = ArticleState.DRAFT;

	@Column(nullable = false, length = 100)
	private String author;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "reviewed_by", length = 100)
	private String reviewedBy;

	@Column(name = "published_at")
	private Instant publishedAt;

	protected ArticleRevision() {
	}

	ArticleRevision(long articleId, int revision, Content content, String author, Instant now) {
		this.articleId = articleId;
		this.revision = revision;
		write(content, author);
		this.createdAt = now;
	}

	public boolean isPending() {
		return state == ArticleState.DRAFT || state == ArticleState.IN_REVIEW;
	}

	/** Editing a revision under review sends it back to draft: the reviewer has not seen the new text. */
	void write(Content content, String author) {
		if (revision > 0 && !isPending()) {
			throw new IllegalStateException("Only a draft or a revision in review can be edited");
		}
		this.title = content.title();
		this.body = content.body();
		this.service = content.service();
		this.category = content.category();
		this.audience = content.audience();
		this.author = author;
		this.state = ArticleState.DRAFT;
	}

	void submitForReview() {
		if (state != ArticleState.DRAFT) {
			throw new IllegalStateException("Only a draft is submitted for review (this revision is " + state.code() + ")");
		}
		state = ArticleState.IN_REVIEW;
	}

	void publish(String reviewer, Instant now) {
		if (!isPending()) {
			throw new IllegalStateException("This revision is " + state.code() + ", not a draft or in review");
		}
		state = ArticleState.PUBLISHED;
		reviewedBy = reviewer;
		publishedAt = now;
	}

	void supersede() {
		state = ArticleState.SUPERSEDED;
	}

	void retire() {
		state = ArticleState.RETIRED;
	}

	public Content content() {
		return new Content(title, body, service, category, audience);
	}

	public Long getId() { return id; }
	public Long getArticleId() { return articleId; }
	public int getRevision() { return revision; }
	public String getTitle() { return title; }
	public String getBody() { return body; }
	public String getService() { return service; }
	public String getCategory() { return category; }
	public Audience getAudience() { return audience; }
	public ArticleState getState() { return state; }
	public String getAuthor() { return author; }
	public Instant getCreatedAt() { return createdAt; }
	public String getReviewedBy() { return reviewedBy; }
	public Instant getPublishedAt() { return publishedAt; }
}
