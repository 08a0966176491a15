package org.incidentflow.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a user typed, as the search uses it: the words that carry meaning (filler such as "my", "not working" left
 * out), each with the other words that mean the same thing here (synonyms from configuration: "wifi" also finds
 * "wireless") and, for short words, the spellings one swapped pair of letters away ("vnp" → "vpn": trigrams cannot see
 * a swap in a three-letter word). Both search implementations rank by these groups, so a synonym or a variant counts
 * as the word the user meant, not as an extra word.
 */
public final class QueryTerms {

	/** At most this many words of a query are used (a pasted stack trace is not a better query). */
	public static final int MAX_TERMS = 12;

	private static final Pattern SPLIT = Pattern.compile("[^\\p{L}\\p{N}-]+");

	private static final Set<String> STOPWORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "been", "but", "by",
			"can", "cannot", "cant", "could", "did", "do", "does", "doesn", "doesnt", "don", "dont", "for", "from", "get",
			"gets", "getting", "got", "had", "has", "have", "having", "help", "how", "i", "im", "in", "into", "is", "isn",
			"isnt", "it", "its", "just", "keeps", "me", "my", "no", "not", "of", "on", "or", "our", "please", "since",
			"so", "some", "still", "t", "that", "the", "their", "then", "there", "this", "to", "too", "up", "us", "very",
			"was", "we", "what", "when", "where", "which", "why", "will", "with", "won", "wont", "work", "working",
			"works", "would", "you", "your", "anymore", "again", "all", "any", "after", "today", "now", "m", "s", "ve",
			"re", "ll", "d");

	/** One word the user wrote and everything that counts as it; {@code members.get(0)} is the word itself. */
	public record Group(String term, List<String> members) {
	}

	private final List<Group> groups;

	private QueryTerms(List<Group> groups) {
		this.groups = groups;
	}

	public static QueryTerms parse(String text, Synonyms synonyms) {
		Map<String, Group> groups = new LinkedHashMap<>();
		for (String word : words(text)) {
			if (groups.size() >= MAX_TERMS) {
				break;
			}
			if (STOPWORDS.contains(word) || groups.containsKey(word)) {
				continue;
			}
			Set<String> members = new LinkedHashSet<>();
			members.add(word);
			members.addAll(synonyms.of(word));
			members.addAll(swaps(word));
			groups.put(word, new Group(word, List.copyOf(members)));
		}
		return new QueryTerms(List.copyOf(groups.values()));
	}

	/** Lower-case words, hyphens inside a word kept ("wi-fi"), others dropped. */
	public static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		if (text == null) {
			return words;
		}
		for (String raw : SPLIT.split(text.toLowerCase(Locale.ROOT))) {
			String word = raw.replaceAll("^-+|-+$", "");
			if (!word.isEmpty() && word.length() <= 60) {
				words.add(word);
			}
		}
		return words;
	}

	/** Adjacent-letter swaps of a 3–5 letter word, the typo trigrams miss. */
	static List<String> swaps(String word) {
		List<String> variants = new ArrayList<>();
		if (word.length() < 3 || word.length() > 5 || !word.chars().allMatch(Character::isLetter)) {
			return variants;
		}
		char[] letters = word.toCharArray();
		for (int i = 0; i + 1 < letters.length; i++) {
			if (letters[i] == letters[i + 1]) {
				continue;
			}
			char[] swapped = letters.clone();
			swapped[i] = letters[i + 1];
			swapped[i + 1] = letters[i];
			variants.add(new String(swapped));
		}
		return variants;
	}

	public List<Group> groups() {
		return groups;
	}

	public boolean isEmpty() {
		return groups.isEmpty();
	}

	/** Every word to look for, each once, in group order. */
	public List<String> allMembers() {
		Set<String> all = new LinkedHashSet<>();
		groups.forEach(g -> all.addAll(g.members()));
		return List.copyOf(all);
	}

	/** How much a member counts as its group's word: the word or a synonym fully, a letter-swap variant less. */
	public static double memberWeight(Group group, String member) {
		return member.equals(group.term()) || !swaps(group.term()).contains(member) ? 1.0 : 0.85;
	}
}
