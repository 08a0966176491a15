package org.incidentflow.knowledge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.incidentflow.incident.ActivityLog;
import org.incidentflow.incident.Viewer;
import org.incidentflow.web.FieldProblem;
import org.incidentflow.web.InvalidRequestException;
import org.incidentflow.web.Problems;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Knowledge articles: agents draft and edit, knowledge managers review and publish, readers read what their audience
 * allows and vote once. Editing a published article opens a new draft revision; readers keep the published one until a
 * knowledge manager publishes the new one.
 */
@Service
public class KnowledgeArticles {

	/** What an author gives; on update, null fields stay as they are. */
	public record Draft(String title, String body, String service, String category, String audience) {
	}

	private final KnowledgeArticleRepository articles;
	private final ArticleRevisionRepository revisions;
	private final ArticleFeedbackRepository feedback;

	public KnowledgeArticles(KnowledgeArticleRepository articles, ArticleRevisionRepository revisions,
			ArticleFeedbackRepository feedback) {
		this.articles = articles;
		this.revisions = revisions;
		this.feedback = feedback;
	}

	@Transactional
	public KnowledgeArticle create(Draft draft, Viewer viewer) {
		if (!KnowledgeRoles.mayDraft(viewer)) {
			throw Problems.forbidden("Articles are written by agents and knowledge managers");
		}
		ArticleRevision.Content content = checked(draft, null);
		Instant now = ActivityLog.now();
		KnowledgeArticle article = articles.save(new KnowledgeArticle(articles.nextNumber(), content, viewer.userId(), now));
		revisions.save(new ArticleRevision(article.getId(), 1, content, viewer.userId(), now));
		return article;
	}

	/** Changes the pending revision, or opens one when the article is published. */
	@Transactional
	public KnowledgeArticle update(String number, Draft draft, Viewer viewer) {
		if (!KnowledgeRoles.mayDraft(viewer)) {
			throw Problems.forbidden("Articles are written by agents and knowledge managers");
		}
		KnowledgeArticle article = locked(number);
		if (article.getState() == ArticleState.RETIRED) {
			throw Problems.conflict("Article retired", article.getNumber() + " is retired");
		}
		List<ArticleRevision> all = revisions.findByArticleIdOrderByRevisionDesc(article.getId());
		ArticleRevision latest = all.get(0);
		ArticleRevision.Content content = checked(draft, latest.content());
		Instant now = ActivityLog.now();
		if (latest.isPending()) {
			latest.write(content, viewer.userId());
		}
		else {
			revisions.save(new ArticleRevision(article.getId(), latest.getRevision() + 1, content, viewer.userId(), now));
		}
		if (!article.isPublished()) {
			article.show(content);
		}
		article.unpublishedState(ArticleState.DRAFT, now);
		return article;
	}

	@Transactional
	public KnowledgeArticle submitForReview(String number, Viewer viewer) {
		if (!KnowledgeRoles.mayDraft(viewer)) {
			throw Problems.forbidden("Articles are written by agents and knowledge managers");
		}
		KnowledgeArticle article = locked(number);
		ArticleRevision pending = pending(article);
		try {
			pending.submitForReview();
		}
		catch (IllegalStateException e) {
			throw Problems.conflict("Not a draft", e.getMessage());
		}
		article.unpublishedState(ArticleState.IN_REVIEW, ActivityLog.now());
		return article;
	}

	/**
	 * Publishes the pending revision (in review, or a draft: a knowledge manager publishing a draft reviews it in the
	 * same step). The previously published revision becomes superseded and stays listed.
	 */
	@Transactional
	public KnowledgeArticle publish(String number, Viewer viewer) {
		if (!KnowledgeRoles.mayPublishArticles(viewer)) {
			throw Problems.forbidden("Articles are published by knowledge managers");
		}
		KnowledgeArticle article = locked(number);
		if (article.getState() == ArticleState.RETIRED) {
			throw Problems.conflict("Article retired", article.getNumber() + " is retired");
		}
		ArticleRevision pending = pending(article);
		Instant now = ActivityLog.now();
		for (ArticleRevision revision : revisions.findByArticleIdOrderByRevisionDesc(article.getId())) {
			if (revision.getState() == ArticleState.PUBLISHED) {
				revision.supersede();
			}
		}
		pending.publish(viewer.userId(), now);
		article.published(pending, now);
		return article;
	}

	@Transactional
	public KnowledgeArticle retire(String number, Viewer viewer) {
		if (!KnowledgeRoles.mayPublishArticles(viewer)) {
			throw Problems.forbidden("Articles are retired by knowledge managers");
		}
		KnowledgeArticle article = locked(number);
		for (ArticleRevision revision : revisions.findByArticleIdOrderByRevisionDesc(article.getId())) {
			if (revision.getState() == ArticleState.PUBLISHED || revision.isPending()) {
				revision.retire();
			}
		}
		article.retire(ActivityLog.now());
		return article;
	}

	/**
	 * One article as this viewer may read it; a requester reading a published requester article counts as a view
	 * (as does an agent reading a published one). Anything a viewer may not read is "not found".
	 */
	@Transactional
	public KnowledgeArticle read(String number, Viewer viewer) {
		KnowledgeArticle article = articles.findByNumber(normalize(number)).orElseThrow(() -> notFound(number));
		if (!maySee(viewer, article)) {
			throw notFound(number);
		}
		if (article.isPublished()) {
			articles.countView(article.getId());
			// the update cleared the persistence context: read the count this view is part of
			return articles.findById(article.getId()).orElseThrow();
		}
		return article;
	}

	@Transactional(readOnly = true)
	public List<KnowledgeArticle> list(Viewer viewer) {
		if (KnowledgeRoles.isInternalReader(viewer)) {
			return articles.findAllByOrderByNumberDesc();
		}
		if (KnowledgeRoles.isReader(viewer)) {
			return articles.findByStateAndAudienceOrderByNumberDesc(ArticleState.PUBLISHED, Audience.REQUESTER);
		}
		throw Problems.forbidden("No access to knowledge articles");
	}

	/** All revisions, newest first: internal readers only (drafts are internal). */
	@Transactional(readOnly = true)
	public List<ArticleRevision> revisions(String number, Viewer viewer) {
		if (!KnowledgeRoles.isInternalReader(viewer)) {
			throw notFound(number);
		}
		KnowledgeArticle article = articles.findByNumber(normalize(number)).orElseThrow(() -> notFound(number));
		return revisions.findByArticleIdOrderByRevisionDesc(article.getId());
	}

	/** Once per user and article; the unique key turns a concurrent second vote into the same 409. */
	@Transactional
	public KnowledgeArticle feedback(String number, Boolean helpful, String comment, Viewer viewer) {
		List<FieldProblem> errors = new ArrayList<>();
		if (helpful == null) {
			errors.add(new FieldProblem("helpful", "must be true or false"));
		}
		if (comment != null && comment.length() > ArticleFeedback.COMMENT_MAX) {
			errors.add(new FieldProblem("comment", "at most " + ArticleFeedback.COMMENT_MAX + " characters"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		KnowledgeArticle article = articles.findByNumber(normalize(number)).orElseThrow(() -> notFound(number));
		if (!maySee(viewer, article) || !article.isPublished()) {
			throw notFound(number);
		}
		if (feedback.existsByArticleIdAndUserId(article.getId(), viewer.userId())) {
			throw alreadyVoted();
		}
		try {
			feedback.saveAndFlush(new ArticleFeedback(article.getId(), viewer.userId(), helpful,
					comment == null || comment.isBlank() ? null : comment.trim(), ActivityLog.now()));
		}
		catch (DataIntegrityViolationException e) {
			throw alreadyVoted();
		}
		if (helpful) {
			articles.countHelpful(article.getId());
		}
		else {
			articles.countUnhelpful(article.getId());
		}
		return articles.findById(article.getId()).orElseThrow();
	}

	public static boolean maySee(Viewer viewer, KnowledgeArticle article) {
		if (KnowledgeRoles.isInternalReader(viewer)) {
			return true;
		}
		return KnowledgeRoles.isReader(viewer) && article.isPublished() && article.getAudience() == Audience.REQUESTER;
	}

	private ArticleRevision pending(KnowledgeArticle article) {
		ArticleRevision latest = revisions.findByArticleIdOrderByRevisionDesc(article.getId()).get(0);
		if (!latest.isPending()) {
			throw Problems.conflict("Nothing to publish",
					article.getNumber() + " has no draft or revision in review; edit it first");
		}
		return latest;
	}

	private KnowledgeArticle locked(String number) {
		return articles.lockByNumber(normalize(number)).orElseThrow(() -> notFound(number));
	}

	private static ArticleRevision.Content checked(Draft draft, ArticleRevision.Content current) {
		List<FieldProblem> errors = new ArrayList<>();
		String title = pick(draft.title(), current == null ? null : current.title());
		String body = pick(draft.body(), current == null ? null : current.body());
		if (title == null || title.isBlank()) {
			errors.add(new FieldProblem("title", "must not be blank"));
		}
		else if (title.length() > KnowledgeArticle.TITLE_MAX) {
			errors.add(new FieldProblem("title", "at most " + KnowledgeArticle.TITLE_MAX + " characters"));
		}
		if (body == null || body.isBlank()) {
			errors.add(new FieldProblem("body", "must not be blank"));
		}
		else if (body.length() > KnowledgeArticle.BODY_MAX) {
			errors.add(new FieldProblem("body", "at most " + KnowledgeArticle.BODY_MAX + " characters"));
		}
		Audience audience = current == null ? null : current.audience();
		if (draft.audience() != null || current == null) {
			audience = Audience.fromCode(draft.audience());
			if (audience == null) {
				errors.add(new FieldProblem("audience", "one of: internal, requester"));
			}
		}
		String service = pick(draft.service(), current == null ? null : current.service());
		if (current == null && (service == null || service.isBlank())) {
			errors.add(new FieldProblem("service", "must not be blank"));
		}
		else if (service != null && service.length() > 100) {
			errors.add(new FieldProblem("service", "at most 100 characters"));
		}
		String category = pick(draft.category(), current == null ? null : current.category());
		if (category != null && category.length() > 100) {
			errors.add(new FieldProblem("category", "at most 100 characters"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		return new ArticleRevision.Content(title.trim(), body, blankToNull(service), blankToNull(category), audience);
	}

	private static String pick(String given, String current) {
		return given != null ? given : current;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	static String normalize(String number) {
		return number == null ? "" : number.trim().toUpperCase(Locale.ROOT);
	}

	private static RuntimeException notFound(String number) {
		return Problems.notFound("No such article", "No article " + number);
	}

	private static RuntimeException alreadyVoted() {
		return Problems.conflict("Feedback already given", "You already said whether this article helped");
	}
}
