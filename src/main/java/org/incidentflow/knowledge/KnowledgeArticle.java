package org.incidentflow.knowledge;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A knowledge article as readers and the search see it. Before its first publication it holds the working draft;
 * after that it holds the published revision, and edits wait as a newer {@link ArticleRevision} until a knowledge
 * manager publishes them (so readers never see a half-reviewed text).
 */
@Entity
@Table(name = "knowledge_article")
public class KnowledgeArticle {

	public static final int TITLE_MAX = 200;
	public static final int BODY_MAX = 50_000;

	@Id
	private Long id;

	@Column(nullable = false, unique = true, updatable = false, length = 20)
	private String number;

	@Version
	private Long version;

	@Column(nullable = false, length = TITLE_MAX)
	private String title;

	/** Markdown; rendered and sanitised on the way out (ArticleMarkdown). */
	@Column(nullable = false, length = BODY_MAX)
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

	@Column(name = "published_revision")
	private Integer publishedRevision;

	@Column(name = "view_count", nullable = false)
	private long viewCount;

	@Column(name = "helpful_count", nullable = false)
	private long helpfulCount;

	@Column(name = "unhelpful_count", nullable = false)
	private long unhelpfulCount;

	@Column(name = "created_by", nullable = false, updatable = false, length = 100)
	private String createdBy;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(name = "published_at")
	private Instant publishedAt;

	protected KnowledgeArticle() {
	}

	public KnowledgeArticle(long sequenceValue, ArticleRevision.Content content, String createdBy, Instant now) {
		this.id = sequenceValue;
		this.number = formatNumber(sequenceValue);
		show(content);
		this.createdBy = createdBy;
		this.createdAt = now;
		this.updatedAt = now;
	}

	public static String formatNumber(long sequenceValue) {
		return String.format("KB-%06d", sequenceValue);
	}

	/** Readers and the search see this content from now on. */
	void show(ArticleRevision.Content content) {
		this.title = content.title();
		this.body = content.body();
		this.service = content.service();
		this.category = content.category();
		this.audience = Objects.requireNonNull(content.audience(), "audience");
	}

	void published(ArticleRevision revision, Instant now) {
		if (state == ArticleState.RETIRED) {
			throw new IllegalStateException("A retired article is not published again");
		}
		show(revision.content());
		publishedRevision = revision.getRevision();
		state = ArticleState.PUBLISHED;
		publishedAt = now;
		updatedAt = now;
	}

	/** The state of a never-published article follows its only revision (draft or in review). */
	void unpublishedState(ArticleState revisionState, Instant now) {
		if (publishedRevision == null) {
			state = revisionState;
		}
		updatedAt = now;
	}

	void retire(Instant now) {
		state = ArticleState.RETIRED;
		updatedAt = now;
	}

	public boolean isPublished() {
		return state == ArticleState.PUBLISHED;
	}

	public Long getId() { return id; }
	public String getNumber() { return number; }
	public String getTitle() { return title; }
	public String getBody() { return body; }
	public String getService() { return service; }
	public String getCategory() { return category; }
	public Audience getAudience() { return audience; }
	public ArticleState getState() { return state; }
	public Integer getPublishedRevision() { return publishedRevision; }
	public long getViewCount() { return viewCount; }
	public long getHelpfulCount() { return helpfulCount; }
	public long getUnhelpfulCount() { return unhelpfulCount; }
	public String getCreatedBy() { return createdBy; }
	public Instant getCreatedAt() { return createdAt; }
	public Instant getUpdatedAt() { return updatedAt; }
	public Instant getPublishedAt() { return publishedAt; }
}
