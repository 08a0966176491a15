package org.incidentflow.knowledge;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.springframework.stereotype.Component;

/**
 * Article bodies are Markdown written by agents; readers get HTML. Two locks, because an article is read by
 * requesters in a browser: commonmark escapes raw HTML in the Markdown and drops unsafe link schemes
 * ({@code javascript:}), and the result is cleaned again against jsoup's safelist (no script, no event handlers, no
 * style), so a bug in one of them alone does not open the door.
 */
@Component
public class ArticleMarkdown {

	private static final int EXCERPT = 280;

	private final Parser parser = Parser.builder().build();
	private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
	private final Safelist safelist = Safelist.relaxed().removeTags("img").addProtocols("a", "href", "mailto");

	public String html(String markdown) {
		String raw = renderer.render(parser.parse(markdown == null ? "" : markdown));
		return Jsoup.clean(raw, safelist);
	}

	/** Plain text of the rendered body, shortened for a hit list. */
	public String excerpt(String markdown) {
		String text = Jsoup.parse(html(markdown)).text();
		return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT - 1).trim() + "…";
	}
}
